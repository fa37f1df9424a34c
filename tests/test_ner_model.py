"""The shipped NEREL tagger: loads, tags nested entities, offsets hold, numpy == batch."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import SEEDS, need
from letopis.nlp.nerel import WEIGHTS, get_tagger
from letopis.nlp.nerel.features import tokenize
from letopis.record import ENTITY_TYPES

TEXT = ("Президент России Владимир Путин 5 августа провел переговоры с министром иностранных дел "
        "Казахстана в Москве. Ранее 30-летний житель Алма-Аты был задержан по статье 205 УК РФ.")


def test_tokens_split_hyphens_and_keep_offsets():
    toks = tokenize("экс-министр ЧМ-2018, 66-летнему")
    assert [t[2] for t in toks] == ["экс", "-", "министр", "ЧМ", "-", "2018", ",", "66", "-", "летнему"]
    for s, e, w in tokenize(TEXT):
        assert TEXT[s:e] == w


def test_weights_ship_small():
    assert WEIGHTS.exists()
    assert WEIGHTS.stat().st_size < 40 * 2 ** 20


def test_tag_sentence():
    tagger = get_tagger()
    assert get_tagger() is tagger                                   # loaded once
    found = tagger.tag(TEXT)
    assert found
    for kind, s, e in found:
        assert kind in ENTITY_TYPES and 0 <= s < e <= len(TEXT)
    spans = {(TEXT[s:e], kind) for kind, s, e in found}
    assert ("Владимир Путин", "PERSON") in spans
    assert ("России", "COUNTRY") in spans
    assert ("5 августа", "DATE") in spans
    assert ("30-летний", "AGE") in spans
    # nested: the country inside the profession span that contains it
    assert ("Президент России", "PROFESSION") in spans


def test_batch_equals_single():
    tagger = get_tagger()
    other = "Взрыв произошел в Махачкале в 14:30. Погибли два человека."
    batch = tagger.tag_batch([TEXT, "", other])
    assert batch[0] == tagger.tag(TEXT)
    assert batch[1] == []
    assert batch[2] == tagger.tag(other)


def test_missing_weights_clear_error(tmp_path):
    from letopis.nlp.nerel import NerelTagger
    with pytest.raises(FileNotFoundError, match="weights"):
        NerelTagger(tmp_path / "none.npz")


def test_char_features_for_unseen_words():
    """Out-of-vocabulary names (Kazakh, Kyrgyz) still get character features; the empty
    gap word gets none."""
    tagger = get_tagger()
    m = tagger.model
    if m.char_emb is None:
        pytest.skip("shipped model has no char CNN")
    feats = m.char_features(tagger.enc.chars(["Токаев", "Жаксылыкова", ""]))
    assert feats.shape[0] == 3
    assert feats[0].any() and feats[1].any() and not feats[2].any()
    assert not np.allclose(feats[0], feats[1])


def test_numpy_matches_torch(tmp_path):
    """The numpy forward pass equals the torch training model (random weights, all parts on)."""
    torch = pytest.importorskip("torch", reason="torch (the `train` extra) not installed")
    from collections import Counter

    from letopis.nlp.nerel import features as F
    from training.train_ner import Net, check_numpy, export, prepare
    torch.manual_seed(0)
    navec = F.load_navec()          # training's loader: the full vocabulary (vocab.words)
    docs = prepare([("x", TEXT, [("PERSON", 17, 31)])], 12, Counter())
    words = docs[0][0]
    affix_vocab = {name: sorted({F.affixes(w)[k] for w in words}) for k, name in enumerate(F.AFFIXES)}
    cfg = dict(channels=16, dilations=[1, 2, 4], span_dim=8, max_width=12, shape_dim=4,
               affix_dims=[3, 3, 3, 5, 3, 2, 2, 3], dropout=0.0, char_filters=6, char_dim=4,
               chars="".join(sorted(set(TEXT))))
    enc = F.Encoder(navec.vocab, affix_vocab, cfg["chars"])
    ids = sorted({enc.ids(w)[0] for w in words} | {enc.unk, enc.pad})
    local = np.full(len(navec.vocab.words), ids.index(enc.unk), dtype=np.int64)
    local[ids] = np.arange(len(ids))
    vectors = torch.from_numpy(F.navec_vectors(navec, np.array(ids)).copy())
    net = Net(vectors, [len(affix_vocab[n]) for n in F.AFFIXES], cfg)
    for p in (p for p in net.parameters() if p.requires_grad):   # biases too: every path exercised
        torch.nn.init.normal_(p, std=0.3)
    path = tmp_path / "w.npz"
    export(net, affix_vocab, path, {})
    assert check_numpy(net, path, docs, enc, local, navec) < 1e-4


def test_projection_cache_changes_nothing(monkeypatch):
    """Tokens' first-layer projections are kept across documents: a tagger that has seen other
    texts, or had to start its cache afresh mid-way, tags exactly as a new one does."""
    import letopis.nlp.nerel as nerel
    from conftest import NEREL
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(NEREL / "dev").glob("*.txt"))[:6]]
    fresh = [nerel.NerelTagger(navec=get_tagger().navec).tag(t) for t in texts]
    warm = get_tagger()
    for t in reversed(texts):
        warm.tag(t)
    assert [warm.tag(t) for t in texts] == fresh
    monkeypatch.setattr(nerel, "PROJECTION_CACHE", 300)        # smaller than one document
    small = nerel.NerelTagger(navec=get_tagger().navec)
    assert [small.tag(t) for t in texts] == fresh
    assert len(small._slots) <= max(300, max(len(set(tokenize_words(t))) for t in texts))


def tokenize_words(text: str) -> list[str]:
    return [w for _, _, w in tokenize(text)]


def test_the_pymorphy_feature_says_what_a_word_names():
    """features.morph_tag: part of speech, case, number, name grammemes, dictionary or guess."""
    from letopis.nlp.nerel import features as F
    assert F.morph_tag("москвы") == "NOUN|gent|sing|Geox|d"
    assert F.morph_tag("ивановой") == "NOUN|gent|sing|Surn|d"
    assert F.morph_tag("калмуханбет").endswith("|g")          # not in the dictionary: guessed
    assert F.morph_tag("2011") == "" and F.morph_tag("taraz") == ""
    # the shipped model uses it: the Encoder computes exactly its kinds
    enc_kinds = F.Encoder(F.light_navec().vocab, {"suf2": [], "morph": ["NOUN|gent|sing|Geox|d"]}).kinds
    assert enc_kinds == ("suf2", "morph")
    assert F.affixes("Москвы", enc_kinds) == ("вы", "NOUN|gent|sing|Geox|d")


def test_the_gazetteer_feature_tells_regions_from_cities():
    """features.gaz_tag: kinds of the places a capitalised word names alone | kinds of the longer
    names it starts, in any case form; "" for lower-case words and words the gazetteer lacks."""
    from letopis.nlp.nerel import features as F
    assert F.gaz_tag("Таразе") == "city|"
    assert F.gaz_tag("Иллинойсе") == "region|"                 # a US state, not a city
    assert F.gaz_tag("Жамбылской") == "|region"                # starts "Жамбылская область"
    assert F.gaz_tag("России").startswith("country")
    assert F.gaz_tag("Путин") == "" and F.gaz_tag("2011") == "" and F.gaz_tag("И") == ""
    assert F.gaz_tag("таразе") == ""                           # lower case: not looked up
    # kinds are what an Encoder given a "gaz" vocabulary computes, after the others
    assert F.affixes("Таразе", ("suf2", "gaz")) == ("зе", "city|")


def test_the_word_table_feature_reads_the_rule_tables_by_lemma():
    """features.lex_tag: the kinds of the lexicon tables' rows a word belongs to, by any of its
    lemmas (lower-case pattern words) or by its text (abbreviations); "" for other words."""
    from letopis.nlp.nerel import features as F
    assert F.lex_tag("сержантов") == "rank"                    # ranks.tsv "сержант", genitive plural
    assert "service" in F.lex_tag("полиции").split("+")        # role_orgs.tsv "полиция"
    assert F.lex_tag("пистолетом") == "weapon"
    assert F.lex_tag("ДВД") == "service" and F.lex_tag("двд") == ""   # abbreviations by their text
    assert F.lex_tag("преступника") == "who"                   # a kind of person, not a profession
    assert F.lex_tag("министра") == "prof"
    for word in ("в", "по", "субботу", "Тараз", "2011", ","):  # prepositions in patterns are left out
        assert F.lex_tag(word) == ""
    assert F.affixes("Сержанта", ("suf2", "lex")) == ("та", "rank")
    # words of the seed article the tables know, each kind found
    text = need(SEEDS / "taraz-2011.txt").read_text(encoding="utf-8")
    kinds = {k for _, _, w in F.tokenize(text) for k in F.lex_tag(w).split("+") if k}
    assert kinds == {"prof", "rank", "service", "weapon", "vehicle", "who"}


def test_the_weight_average_is_swapped_in_and_back():
    """training.train_ner.Average (`--ema`): the average follows the weights at the set decay, and
    the model holds it only inside `swapped_in`."""
    torch = pytest.importorskip("torch", reason="torch (the `train` extra) not installed")
    from training.train_ner import Average
    lin = torch.nn.Linear(2, 1, bias=False)
    with torch.no_grad():
        lin.weight.fill_(0.0)
    avg = Average(list(lin.parameters()), decay=0.25)
    left = 1.0                               # the share of the start (0.0) still in the average
    for step in range(1, 6):                 # the weights jump to 1.0 and stay there
        with torch.no_grad():
            lin.weight.fill_(1.0)
        avg.update()
        left *= min(0.25, (1 + step) / (10 + step))    # the decay warms up: 2/11, then 0.25
    assert abs(float(avg.avg[0][0, 0]) - (1 - left)) < 1e-6 and left < 0.01
    with torch.no_grad():
        lin.weight.fill_(3.0)
    with avg.swapped_in():
        assert torch.allclose(lin.weight, avg.avg[0])
    assert torch.all(lin.weight == 3.0)


def test_mention_swap_keeps_nested_spans_in_step():
    """training.train_ner.swap_mentions (`--swap`): an innermost mention takes another of its type;
    the mention holding it stretches with it, later ones shift, value types stay."""
    pytest.importorskip("torch", reason="torch (the `train` extra) not installed")
    import random

    from training.train_ner import LABELS, mention_pool, swap_mentions
    lab = {t: LABELS.index(t) for t in ("PROFESSION", "COUNTRY", "PERSON", "DATE")}
    toks = "Глава МВД Киргизии Улан Ниязбеков заявил 5 августа".split()
    spans = {(0, 2): lab["PROFESSION"], (2, 0): lab["COUNTRY"], (3, 1): lab["PERSON"], (6, 1): lab["DATE"]}
    pool = mention_pool([(toks, None, spans)] + [(["Республики", "Казахстан"], None, {(0, 1): lab["COUNTRY"]}),
                                                 (["Ли"], None, {(0, 0): lab["PERSON"]})])
    assert sorted(map(len, pool[lab["COUNTRY"]])) == [1, 2] and lab["DATE"] not in pool
    rng = random.Random(0)
    seen = set()
    for _ in range(40):
        new, _, got = swap_mentions((toks, None, spans), pool, 1.0, 12, rng)
        text = {LABELS[v]: " ".join(new[i:i + w + 1]) for (i, w), v in got.items()}
        assert text["DATE"] == "5 августа" and text["PROFESSION"].startswith("Глава МВД ")
        assert text["PROFESSION"].endswith(text["COUNTRY"]) and text["PERSON"] in ("Улан Ниязбеков", "Ли")
        seen.add((text["COUNTRY"], text["PERSON"]))
    assert ("Республики Казахстан", "Ли") in seen


def test_distillation_targets_and_a_warm_start(tmp_path):
    """training.train_ner `--teacher` / `--init`: the targets are the teacher's (an ensemble's: its
    members' mean) probabilities of every candidate span, zero past a document's end; a model
    started from exported weights exports them unchanged."""
    torch = pytest.importorskip("torch", reason="torch (the `train` extra) not installed")
    import json
    from collections import Counter

    import letopis.nlp.nerel as nerel
    from letopis.nlp.nerel.decode import softmax
    from training.train_ner import LABELS, Net, export, load_weights, prepare, teacher_targets
    single = nerel.NerelTagger(nerel.WEIGHTS, navec=get_tagger().navec)
    spec = tmp_path / "twice.json"
    spec.write_text(json.dumps({"members": [str(nerel.WEIGHTS)] * 2}), encoding="utf-8")
    twice = nerel.NerelTagger(spec, navec=single.navec)
    docs = prepare([("a", TEXT, []), ("b", "Взрыв в Махачкале.", [])], 12, Counter())
    spans, bounds = teacher_targets(twice, docs, 12)
    n = len(docs[1][0])
    assert spans.shape == (2, len(docs[0][0]), 12, len(LABELS)) and not spans[1, n:].any()
    assert np.allclose(spans[0, 0, :].sum(-1), 1.0, atol=1e-5) and not spans[0, -1, 1:].any()
    m = single.model                                       # the mean of one model twice is that model
    h = m.encode_projected(single._projections(docs[0][0])[0], np.ones(len(docs[0][0]), np.float32))
    ref = softmax(m.span_logits(h, np.array([0, 2]), np.array([1, 3])))
    assert np.allclose(spans[0, [0, 2], [1, 1]], ref, atol=1e-5)
    assert np.allclose(bounds[0, :len(h)], 1 / (1 + np.exp(-m.boundaries(h))), atol=1e-5)
    # warm start: the shipped weights into a torch model with the shipped configuration, and back
    meta = m.meta
    cfg = {k: meta[k] for k in ("channels", "dilations", "span_dim", "max_width", "shape_dim", "affix_dims",
                                "dropout", "char_filters", "char_dim", "chars", "affix_kinds")}
    net = Net(torch.zeros((2, 300)), [len(meta["affixes"][k]) for k in meta["affix_kinds"]], cfg)
    load_weights(net, nerel.WEIGHTS, meta["affixes"])
    out = tmp_path / "again.npz"
    export(net, meta["affixes"], out, {})
    a, b = np.load(nerel.WEIGHTS), np.load(out)
    assert all(np.array_equal(a[k], b[k]) for k in a.files if k != "meta")
    with pytest.raises(SystemExit, match="vocabularies differ"):
        load_weights(net, nerel.WEIGHTS, {**meta["affixes"], "suf2": []})


def test_a_full_projection_cache_keeps_the_strings_used_again(monkeypatch):
    """When the cache fills, strings used in more than one batch keep their rows (and the right
    projections) and strings seen once are dropped: a corpus's common words are not recomputed."""
    import numpy as np
    import letopis.nlp.nerel as nerel
    monkeypatch.setattr(nerel, "PROJECTION_CACHE", 300)
    t = nerel.NerelTagger(navec=get_tagger().navec)
    once = [f"слово{k}" for k in range(200)]
    t._projections(once + ["в"])
    t._projections(["в"] + [f"имя{k}" for k in range(50)])
    got = t._projections([f"город{k}" for k in range(200)] + ["в"])[0][-1]
    assert "в" in t._slots and not any(w in t._slots for w in once)
    assert len(t._slots) <= 300
    fresh = nerel.NerelTagger(navec=get_tagger().navec)._projections(["в"])[0][0]
    assert np.allclose(got, fresh, rtol=1e-5, atol=1e-6)     # a batch of one takes BLAS's other path
