"""The error contract of hiring/errors.py: message ids translated once, at the edge, and escaped like text."""

from flask import render_template_string
from flask_babel import force_locale

from hiring.errors import InvalidInput, ServiceError, joined, text
from hiring.errors import lazy_gettext as _l
from hiring.services.candidate_input import check_candidate_data


def test_a_message_id_is_translated_where_it_is_shown_not_where_it_is_raised(app):
    with app.test_request_context():
        with force_locale("en"):
            error = InvalidInput(_l("Unknown competency: %(code)s.", code="NEG"))
        with force_locale("ru"):
            assert text(error.message) == "Неизвестная компетенция: NEG."
        with force_locale("en"):
            assert text(error.message) == "Unknown competency: NEG."


def test_every_service_error_has_a_message_and_fields(app):
    with app.test_request_context(), force_locale("ru"):
        _, fields = check_candidate_data({"full_name": "", "languages": [{"language": "en", "level": "Z9"}]})
        error = InvalidInput(_l("Please correct the marked fields."), fields)
        assert isinstance(error, ServiceError)
        shown = error.field_texts()
        assert shown["full_name"] == "Введите ФИО кандидата."
        assert "«Z9» — не уровень для языка «en»" in shown["languages"]


def test_what_a_user_typed_inside_a_message_is_escaped_on_a_page(app):
    """flask_babel's own lazy strings claim to be safe HTML; a service message carries typed text, so must not."""
    with app.test_request_context():
        typed = "<script>alert(1)</script>"
        message = _l("“%(value)s” is not a number; write it like 2.5 or 2,5.", value=typed)
        page = render_template_string(
            "{{ message }}|{{ parts|join(' ') }}", message=message, parts=[message, joined([message])]
        )
        assert "<script>" not in page
        assert page.count("&lt;script&gt;") == 3
