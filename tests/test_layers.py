"""The layers of README's code layout, enforced on the imports themselves (read with `ast`, nothing is run).

domain (pure rules) <- services (application) <- web pages and JSON API (edges, never each other);
documents (values and files shared by the edges) use neither services nor edges.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hiring"


def imported_names(path: Path, package_dir: Path = PACKAGE) -> list[str]:
    """Every module (and `module.name` for `from module import name`) the file imports, made absolute."""
    module = ".".join(path.relative_to(package_dir.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]
    return names


def files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def breaches(layer: str, forbidden) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in files(layer)
        for name in imported_names(path)
        if forbidden(name)
    ]


def test_the_domain_imports_no_framework_and_nothing_else_of_hiring():
    def forbidden(name: str) -> bool:
        top = name.split(".")[0]
        framework = top in ("flask", "sqlalchemy", "werkzeug", "jinja2") or top.startswith("flask_")
        return framework or (under(name, "hiring") and not under(name, "hiring.domain"))

    assert files("domain")
    assert breaches("domain", forbidden) == []


def test_services_see_no_request_no_login_and_no_edge():
    def forbidden(name: str) -> bool:
        return any(under(name, edge) for edge in ("flask.request", "flask_login", "hiring.web", "hiring.api"))

    assert files("services")
    assert breaches("services", forbidden) == []


@pytest.mark.parametrize(("layer", "other"), [("web", "hiring.api"), ("api", "hiring.web")])
def test_web_pages_and_api_never_import_each_other(layer, other):
    assert files(layer)
    assert breaches(layer, lambda name: under(name, other)) == []


def test_documents_import_no_service_and_no_edge():
    def forbidden(name: str) -> bool:
        return any(under(name, other) for other in ("hiring.services", "hiring.web", "hiring.api"))

    assert files("documents")
    assert breaches("documents", forbidden) == []


def test_the_check_sees_every_form_of_import(tmp_path):
    """The walker resolves relative imports and `from x import y`, so no import form slips past the rules."""
    layer = tmp_path / "hiring" / "services"
    layer.mkdir(parents=True)
    (layer / "sample.py").write_text(
        "from flask import request\nfrom ..web import forms\nimport flask_login\nfrom . import audit\n"
    )
    names = imported_names(layer / "sample.py", tmp_path / "hiring")
    assert {"flask.request", "hiring.web.forms", "flask_login", "hiring.services.audit"} <= set(names)
