"""The catalogues: complete in Russian, consistent in English, compiled, and found where the app looks."""

import io
import shlex
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import current_app

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "hiring" / "translations"
LANGUAGES = ("ru", "en")


def catalogue(language: str):
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as file:
        return read_po(file, locale=language)


def makefile_variable(name: str) -> list[str]:
    """The flags `make messages` uses, so that this test extracts exactly as the Makefile does."""
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{name} :="):
            return shlex.split(line.partition(":=")[2])
    raise AssertionError(f"{name} is not in the Makefile")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set:
    """Every msgid in the code and templates now (a fresh extraction, as `make messages` does)."""
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    flags = makefile_variable("BABEL_EXTRACT")
    mapping = flags.index("-F") + 1
    flags[mapping] = str(ROOT / flags[mapping])
    CommandLineInterface().run(["pybabel", "-q", "extract", *flags, "-o", str(pot), str(ROOT)])
    with open(pot, "rb") as file:
        return {message.id for message in read_po(file) if message.id}


def test_every_extracted_message_is_in_both_catalogues(extracted):
    for language in LANGUAGES:
        known = {message.id for message in catalogue(language) if message.id}
        missing = sorted(str(msgid) for msgid in extracted - known)
        assert not missing, f"run `make messages` and translate; not in {language}: {missing}"


def test_russian_catalogue_is_complete_and_not_fuzzy():
    ru = catalogue("ru")
    assert not ru.fuzzy, "the header is marked fuzzy"
    untranslated = [
        message.id
        for message in ru
        if message.id
        and (not message.string or (isinstance(message.string, tuple) and not all(message.string)))
    ]
    fuzzy = [message.id for message in ru if message.id and message.fuzzy]
    assert not untranslated, f"untranslated in ru: {untranslated}"
    assert not fuzzy, f"fuzzy in ru: {fuzzy}"
    assert ru.num_plurals == 3


def test_english_catalogue_is_the_source_text():
    """In `en` an empty msgstr means the English source text; nothing fuzzy, no stray translation."""
    en = catalogue("en")
    assert not en.fuzzy
    assert not [message.id for message in en if message.id and message.fuzzy]
    assert en.num_plurals == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_agree_with_the_source(language):
    """Babel's checkers: a translation keeps the msgid's %(name)s placeholders, so formatting never fails."""
    problems = [
        (message.id, [str(error) for error in errors]) for message, errors in catalogue(language).check()
    ]
    assert not problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_mo_matches_its_po(language):
    """The .mo files are committed: each must be what `make translations` makes of its .po now."""
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(language))
    committed = TRANSLATIONS / language / "LC_MESSAGES" / "messages.mo"
    assert committed.exists(), "run `make translations` and commit the .mo"
    assert committed.read_bytes() == compiled.getvalue(), "run `make translations` and commit the .mo"


def test_app_reads_the_package_catalogues(app):
    directories = current_app.extensions["babel"].translation_directories
    assert [Path(d).resolve() for d in directories] == [TRANSLATIONS]
