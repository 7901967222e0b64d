"""Reading what a user sees in a page's HTML."""

import html
import re


def field_errors(html: str, field_id: str) -> str:
    """The error text shown next to the field with this id ('' when none)."""
    match = re.search(rf'<p class="field-error" id="{re.escape(field_id)}-error">(.*?)</p>', html, re.S)
    return match.group(1).strip() if match else ""


def input_value(html: str, field_id: str) -> str | None:
    """The value of the text box or drop-down with this id (a drop-down's chosen option), None when absent."""
    match = re.search(rf'<input[^>]*\bid="{re.escape(field_id)}"[^>]*>', html)
    if not match:
        select = re.search(rf'<select[^>]*\bid="{re.escape(field_id)}"[^>]*>(.*?)</select>', html, re.S)
        if not select:
            return None
        chosen = re.search(r'<option selected value="([^"]*)"', select.group(1))
        return chosen.group(1) if chosen else ""
    value = re.search(r'\bvalue="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def text(response) -> str:
    """The page's HTML with entities decoded and white space collapsed, to find the words a user reads."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(response.get_data(as_text=True)))
