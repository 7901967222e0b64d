"""Template traps no page test would notice until it is too late.

Each template is parsed with the app's own Jinja environment (its extensions included) and its syntax tree read.
"""

from pathlib import Path

import pytest
from jinja2 import nodes

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
TEMPLATE_NAMES = sorted(str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html"))


def syntax_tree(app, name: str) -> nodes.Template:
    return app.jinja_env.parse((TEMPLATES / name).read_text(encoding="utf-8"), name=name)


def names_bound(tree: nodes.Node) -> set[str]:
    """Every name the template assigns: `set`, `for` targets, `with`, macro and call-block parameters."""
    return {node.name for node in tree.find_all(nodes.Name) if node.ctx in ("store", "param")}


def test_the_templates_are_found():
    assert "_macros.html" in TEMPLATE_NAMES and len(TEMPLATE_NAMES) > 20


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_no_template_rebinds_gettext(app, name):
    """`_` is gettext: `{% set _ = … %}` or `{% for _ in … %}` makes a later `_('…')` in that scope fail."""
    assert "_" not in names_bound(syntax_tree(app, name))


def test_a_rebinding_of_gettext_is_caught(app):
    """The check above reads the syntax tree right: each way of binding `_` is found."""
    for source in (
        "{% set _ = items.append(1) %}",
        "{%set _=1%}",
        "{% for _ in items %}{% endfor %}",
        "{% for x, _ in pairs %}{% endfor %}",
        "{% with _ = 1 %}{% endwith %}",
        "{% macro m(_) %}{% endmacro %}",
    ):
        assert "_" in names_bound(app.jinja_env.parse(source)), source
    assert "_" not in names_bound(app.jinja_env.parse("{% do items.append(_('x')) %}"))


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_linked_endpoint_exists(app, name):
    """Templates link to endpoints without `has_endpoint()` guards: a renamed endpoint fails here, not silently."""
    named = {
        call.args[0].value
        for call in syntax_tree(app, name).find_all(nodes.Call)
        if isinstance(call.node, nodes.Name)
        and call.node.name == "url_for"
        and call.args
        and isinstance(call.args[0], nodes.Const)
    }
    assert named <= set(app.view_functions), sorted(named - set(app.view_functions))
