"""Sparklines: server-drawn SVG; a dot per figure, lines only between consecutive years, no trend from one point."""
import base64

from dashboard.components import sparkline


def test_fewer_than_two_points_draw_nothing():
    assert sparkline.svg([], "#0072B2") == "" and sparkline.svg([(2020, 1.0)], "#0072B2") == ""
    assert "sparkline-none" in sparkline.image([(2020, 1.0)], "#0072B2", "").className


def test_consecutive_years_solid_missing_years_dotted():
    text = sparkline.svg([(2000, 1.0), (2001, 2.0), (2005, 3.0)], "#0072B2")
    lines = [part for part in text.split("<line")[1:]]
    assert len(lines) == 2
    assert "stroke-dasharray" not in lines[0] and "stroke-dasharray" in lines[1]
    assert text.count("<circle") == 3


def test_points_stay_inside_the_box():
    text = sparkline.svg([(2000, -5.0), (2010, 1e9), (2011, 3.0)], "#D55E00")
    import re
    for x, y in re.findall(r'cx="([\d.]+)" cy="([\d.]+)"', text):
        assert 0 <= float(x) <= sparkline.WIDTH and 0 <= float(y) <= sparkline.HEIGHT


def test_small_changes_stay_small():
    """757.06 → 757.2 km² is not drawn as a line from the bottom to the top."""
    import re
    text = sparkline.svg([(2000, 757.06), (2023, 757.2)], "#D55E00")
    ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', text)]
    assert max(ys) - min(ys) < 2


def test_image_is_a_data_uri_with_alt_text():
    img = sparkline.image([(2000, 1.0), (2001, 2.0)], "#0072B2", "Population, Essen, 2000–2001")
    assert img.alt == "Population, Essen, 2000–2001"
    assert base64.b64decode(img.src.split(",", 1)[1]).startswith(b"<svg")
    assert "<script" not in sparkline.svg([(2000, 1.0), (2001, 2.0)], '"><script>')
