"""`letopis extract` through a subprocess: formats, stdin, bad input reported while the batch goes on."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEEDS, need

CLI = [sys.executable, "-m", "letopis"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), input=stdin, capture_output=True, cwd=ROOT, timeout=300)


def test_extract_jsonl_and_json(tmp_path):
    seeds = need(SEEDS)
    out = run("extract", "--published", "2011-11-14", str(seeds / "taraz-2011.txt"))
    assert out.returncode == 0, out.stderr.decode()
    lines = out.stdout.decode().strip().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["doc"] == "taraz-2011.txt" and rec["published"] == "2011-11-14"
    assert {"entities", "incidents", "facts", "quotes", "sources"} <= rec.keys()
    out = run("extract", "--format", "json", str(seeds / "karin-interview-2022.txt"))
    rec = json.loads(out.stdout.decode())
    assert rec["incidents"] == [] and rec["title"] == "Ситуация сейчас очень серьезная."


def test_extract_stdin_cp1251():
    text = "В субботу в Таразе при нападении погибли 7 человек, в том числе трое полицейских.\n"
    out = run("extract", "--published", "2011-11-14", "-", stdin=text.encode("cp1251"))
    assert out.returncode == 0, out.stderr.decode()
    rec = json.loads(out.stdout.decode())
    assert rec["incidents"][0]["killed"] == 7
    assert rec["incidents"][0]["date"] == "2011-11-12"


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("В Оше в результате взрыва погибли два человека.", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "truncated.txt").write_bytes("Взрыв в Бишкеке, ранены трое".encode("utf-8")[:-1])
    out = run("extract", str(tmp_path))
    assert out.returncode == 1
    docs = [json.loads(line)["doc"] for line in out.stdout.decode().splitlines()]
    assert "good.txt" in docs and "truncated.txt" in docs
    err = out.stderr.decode()
    assert "empty.txt" in err and "binary.txt" in err


def test_python_api():
    import letopis
    rec = letopis.extract("Вчера в Бишкеке неизвестный открыл огонь, ранены 3 человека.", published="2020-05-06")
    inc = rec["incidents"][0]
    assert inc["wounded"] == 3 and inc["date"] == "2020-05-05"
    assert inc["field_evidence"]["wounded"]


def test_workers_give_the_same_records_in_input_order(tmp_path):
    """One process per core (the default from 8 documents on) must change nothing but the speed."""
    from conftest import NEREL
    files = sorted(need(NEREL / "dev").glob("*.txt"))[:9]
    (tmp_path / "empty.txt").write_bytes(b"")
    args = [str(f) for f in files[:4]] + [str(tmp_path / "empty.txt")] + [str(f) for f in files[4:]]
    one = run("extract", "--workers", "1", *args)
    two = run("extract", "--workers", "2", *args)
    assert one.returncode == two.returncode == 1            # the empty file
    assert "empty.txt" in two.stderr.decode()
    assert two.stdout == one.stdout
    docs = [json.loads(line)["doc"] for line in two.stdout.decode().splitlines()]
    assert docs == [f.name for f in files]


def test_the_console_script_skips_teardown_only_when_the_command_says_so(monkeypatch):
    """cli.main ends the process with os._exit (status kept) only after a command set QUICK_EXIT
    (extract, once its records are written); otherwise the usual SystemExit and teardown."""
    import pytest

    import letopis.cli as cli
    import letopis.commands as commands

    def app():
        raise SystemExit(3)
    exits: list = []
    monkeypatch.setattr(cli, "app", app)
    monkeypatch.setattr(cli.os, "_exit", exits.append)
    monkeypatch.setattr(commands, "QUICK_EXIT", False)
    with pytest.raises(SystemExit) as raised:
        cli.main()
    assert raised.value.code == 3 and exits == []
    monkeypatch.setattr(commands, "QUICK_EXIT", True)
    cli.main()
    assert exits == [3]
