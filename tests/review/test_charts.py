"""The competency chart: one mark per competency, escaped text, well-formed standalone SVG."""

import xml.etree.ElementTree as ET

from hiring.documents.charts import ChartItem, competency_chart_svg

SVG = "{http://www.w3.org/2000/svg}"


def marks(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [el for el in root.iter() if el.get("class", "").split()[:1] == ["mark"]]


def test_one_mark_per_competency_with_its_code():
    items = [
        ChartItem("Negotiation", 4.5, 3.0, "NEG"),
        ChartItem("Relationships", 2.0, None, "REL"),
        ChartItem("Analysis", None, None, "ANA"),
    ]
    svg = competency_chart_svg(items, title="Means")
    found = marks(svg)
    assert [m.get("data-code") for m in found] == ["NEG", "REL", "ANA"]
    assert [m.get("data-mean") for m in found] == ["4.5", "2", ""]
    assert "not assessed" in svg
    assert svg.count('class="critical-min"') == 1


def test_grid_lines_at_every_level_of_the_scale():
    root = ET.fromstring(competency_chart_svg([("A", 3, None)]))
    ticks = [el.text for el in root.iter(f"{SVG}text") if el.get("class") == "tick"]
    grid = [el for el in root.iter(f"{SVG}line") if el.get("class") == "grid"]
    assert ticks == ["1", "2", "3", "4", "5"]
    assert len(grid) == 5


def test_plain_tuples_use_the_label_as_code_and_bars_grow_with_the_mean():
    root = ET.fromstring(competency_chart_svg([("Low", 2, None), ("High", 5, None)], width=500))
    widths = [float(el.get("width")) for el in root.iter(f"{SVG}rect")]
    assert widths[0] < widths[1]
    assert [m.get("data-code") for m in marks(ET.tostring(root, encoding="unicode"))] == ["Low", "High"]


def test_below_critical_minimum_is_marked():
    [mark] = marks(competency_chart_svg([("Negotiation", 2.5, 3.0, "NEG")]))
    assert "below-minimum" in mark.get("class")


def test_user_text_is_escaped_everywhere():
    evil = "<script>alert(\"x\")</script> & 'quote'"
    svg = competency_chart_svg(
        [ChartItem(evil, 3.0, 2.0, '"><script>'), ChartItem("ok\x00\x07", None)],
        title=evil,
        not_assessed_text="<b>n/a</b>",
        critical_min_text="<i>min</i>",
    )
    assert "<script>" not in svg
    assert "<b>" not in svg and "<i>" not in svg
    assert "&lt;script&gt;" in svg
    root = ET.fromstring(svg)  # valid XML, control characters dropped
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert [m.get("data-code") for m in marks(svg)] == ['"><script>', "ok"]


def test_standalone_without_external_references_or_scripts():
    svg = competency_chart_svg([("Negotiation", 4.0, 3.0, "NEG")], title="Chart")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert "href" not in svg and "url(" not in svg and "style=" not in svg
    assert "DejaVu Sans" in root.get("font-family")


def test_long_labels_wrap_onto_two_lines_at_most():
    label = "Key client development and sales psychology with a very long explanation of everything"
    root = ET.fromstring(competency_chart_svg([(label, 3.0, None)], width=400))
    [text] = [el for el in root.iter(f"{SVG}text") if el.get("class") == "label"]
    lines = [span.text for span in text]
    assert len(lines) == 2
    assert lines[-1].endswith("…")


def test_no_items_still_a_valid_chart():
    root = ET.fromstring(competency_chart_svg([]))
    assert marks(ET.tostring(root, encoding="unicode")) == []


# --- every interviewer's rating, and a critical minimum that stays visible -----------------------------------


def circles(svg: str) -> list[ET.Element]:
    return [el for el in ET.fromstring(svg).iter(f"{SVG}circle") if el.get("class") == "rating"]


def grid_x(svg: str) -> dict[str, float]:
    root = ET.fromstring(svg)
    ticks = [el for el in root.iter(f"{SVG}text") if el.get("class") == "tick"]
    return {tick.text: float(tick.get("x")) for tick in ticks}


def test_a_2_and_a_4_draw_as_two_dots_around_the_mean_not_as_one_3():
    svg = competency_chart_svg([ChartItem("Negotiation", 3.0, None, "NEG", (2, 4))])
    x = grid_x(svg)
    assert sorted(float(c.get("cx")) for c in circles(svg)) == [x["2"], x["4"]]
    mean = [el for el in ET.fromstring(svg).iter(f"{SVG}line") if el.get("class") == "mean"]
    assert [float(line.get("x1")) for line in mean] == [x["3"]]
    whisker = [el for el in ET.fromstring(svg).iter(f"{SVG}line") if el.get("class") == "range"]
    assert [(float(w.get("x1")), float(w.get("x2"))) for w in whisker] == [(x["2"], x["4"])]


def test_equal_ratings_show_one_dot_each():
    svg = competency_chart_svg([ChartItem("Negotiation", 4.0, None, "NEG", (4, 4, 4))])
    assert len(circles(svg)) == 3
    assert len({c.get("cy") for c in circles(svg)}) == 3  # one above the other, not on top of each other


def test_the_critical_minimum_is_drawn_last_and_reaches_beyond_the_dots_at_its_value():
    """Three raters giving exactly the critical minimum: its tick still shows above and below their dots."""
    svg = competency_chart_svg([ChartItem("Negotiation", 3.0, 3.0, "NEG", (3, 3, 3))])
    root = ET.fromstring(svg)
    drawn = [el.get("class") for el in root.iter() if el.get("class")]
    assert drawn.index("critical-min") > max(i for i, kind in enumerate(drawn) if kind in ("rating", "mean"))
    [tick] = [el for el in root.iter(f"{SVG}line") if el.get("class") == "critical-min"]
    radius = float(circles(svg)[0].get("r"))
    dots = [float(c.get("cy")) for c in circles(svg)]
    assert float(tick.get("y1")) < min(dots) - radius and float(tick.get("y2")) > max(dots) + radius
    assert float(tick.get("x1")) == grid_x(svg)["3"]
