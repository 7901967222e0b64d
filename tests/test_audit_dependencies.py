"""The CI's dependency audit: a known advisory fails it; an older pin is reported, not silently passed."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "audit_dependencies.py"


def load_audit():
    spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def answer(version: str, vulnerabilities=()) -> dict:
    return {"info": {"version": version}, "vulnerabilities": list(vulnerabilities)}


def test_a_known_vulnerability_fails_the_audit(monkeypatch, capsys):
    audit = load_audit()
    monkeypatch.setattr(audit, "installed", lambda: {"ecdsa": "0.19.2", "flask": "3.1.3"})
    answers = {
        "ecdsa": answer("0.19.2", [{"id": "GHSA-wj6h-64fc-37mp", "summary": "Minerva timing attack"}]),
        "flask": answer("3.1.3"),
    }
    monkeypatch.setattr(audit, "project", answers.get)
    assert audit.main() == 1
    assert "VULNERABLE: ecdsa 0.19.2: GHSA-wj6h-64fc-37mp" in capsys.readouterr().out


def test_clean_pins_pass_and_older_ones_are_listed(monkeypatch, capsys):
    audit = load_audit()
    monkeypatch.setattr(audit, "installed", lambda: {"flask": "3.1.3", "old": "1.0", "offline": "2.0"})
    answers = {"flask": answer("3.1.3"), "old": answer("2.0"), "offline": None}
    monkeypatch.setattr(audit, "project", answers.get)
    assert audit.main() == 0
    out = capsys.readouterr().out
    assert "unverified, not the latest release: old 1.0 (latest 2.0)" in out
    assert "not reachable now: offline" in out
    assert "known vulnerabilities: none" in out
