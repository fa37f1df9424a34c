from letopis.cli import app

app()
