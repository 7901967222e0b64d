"""A printout as an HTTP download, shared by the pages and the JSON API: ETag, 304 and the file name.

The printout is anything with `key`, `filename` and `ascii_filename` (hiring.services.printouts.Printout);
`pdf_bytes(printout)` makes or fetches its PDF, and is called only when the reader does not have it already.
"""

import io
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from flask import Response, request, send_file


def document_response(printout: Any, pdf_bytes: Callable[[Any], bytes]) -> Response:
    """The printout as a PDF download with its key as ETag, or 304 when If-None-Match names that key."""
    # Without If-None-Match the PDF is asked for first: a cache finds it with its key in one go.
    if request.if_none_match and request.if_none_match.contains(printout.key):
        response = Response(status=304)
    else:
        response = Response(pdf_bytes(printout), mimetype="application/pdf")
        response.headers["Content-Disposition"] = content_disposition(
            printout.filename, printout.ascii_filename
        )
    response.set_etag(printout.key)
    # Personal data: no cache may keep it, not even the browser's on disk (SPEC §6). The ETag still spares a
    # client that kept the file itself the download.
    response.headers["Cache-Control"] = "no-store"
    return response


def content_disposition(filename: str, ascii_filename: str) -> str:
    """`attachment` with an ASCII name for old clients and the real one as RFC 5987 `filename*`."""
    cleaned = "".join(ch for ch in filename if ch.isprintable() and ch not in '"\\/')
    fallback = "".join(ch for ch in ascii_filename if ch.isascii() and ch.isprintable() and ch not in '"\\/;')
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(cleaned, safe='')}"


def file_response(stored: Any) -> Response:
    """An uploaded file (`content`, `content_type`, `filename`) as a download no browser renders, sniffs or keeps."""
    response = send_file(
        io.BytesIO(stored.content),
        mimetype=stored.content_type,
        as_attachment=True,
        download_name=stored.filename,
        conditional=False,
        etag=False,
        max_age=0,
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
