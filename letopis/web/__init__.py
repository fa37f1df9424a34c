"""The web layer: FastAPI app (REST API + server-rendered pages) over the store. Reads the store
only (uploads go through letopis.store.ingest); never imports letopis.nlp."""
