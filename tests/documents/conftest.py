"""Fixtures of the document tests: PDFs read back as text, quick password hashes."""

import io
import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from werkzeug.security import generate_password_hash

import hiring.models.users


@pytest.fixture(autouse=True)
def quick_password_hashes(monkeypatch):
    """Scrypt costs ~0.2 s a user; these tests make many users and test no password."""
    monkeypatch.setattr(
        hiring.models.users,
        "generate_password_hash",
        lambda password, method=None: generate_password_hash(password, method="pbkdf2:sha256:1"),
    )


class ReadPdf:
    """A PDF read back with pypdf: its pages' text (whitespace collapsed), metadata and embedded files."""

    def __init__(self, content: bytes):
        assert content.startswith(b"%PDF-"), "not a PDF"
        self.reader = pypdf.PdfReader(io.BytesIO(content))
        self.pages = [page.extract_text() or "" for page in self.reader.pages]
        self.text = " ".join(" ".join(page.split()) for page in self.pages)

    @property
    def page_count(self) -> int:
        return len(self.reader.pages)

    @property
    def metadata(self):
        return self.reader.metadata

    @property
    def language(self) -> str | None:
        return self.reader.trailer["/Root"].get("/Lang")

    @property
    def attachments(self) -> dict:
        return dict(self.reader.attachments)

    def annotation_types(self) -> set[str]:
        found = set()
        for page in self.reader.pages:
            for annotation in page.get("/Annots") or []:
                found.add(str(annotation.get_object().get("/Subtype")))
        return found

    def font_names(self) -> set[str]:
        names = set()
        for page in self.reader.pages:
            fonts = page["/Resources"].get_object().get("/Font") or {}
            for font in fonts.values():
                names.add(str(font.get_object().get("/BaseFont")))
        return names


def first_page_ink(content: bytes, pdf: Path) -> float:
    """Write the PDF to `pdf`, render its first page beside it with poppler's pdftoppm (kept for a person to look
    at), and return the share of the page's pixels that carry ink."""
    pdf.write_bytes(content)
    command = [
        "pdftoppm",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        "-png",
        str(pdf),
        str(pdf.with_suffix("")),
    ]
    subprocess.run(command, check=True, timeout=60)
    with Image.open(pdf.with_suffix(".png")) as image:
        grey = image.convert("L")
        return sum(grey.histogram()[:200]) / (grey.width * grey.height)
