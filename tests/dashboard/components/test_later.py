"""Folded bodies sent after the first paint: summaries stay, bodies come back by their own index."""
from dash import html

from dashboard.components import later
from tests.dashboard.tree import texts


def _tree():
    citation = html.Details([html.Summary("Full citation"), html.Dl([html.Dt("Publisher"), html.Dd("IT.NRW")])],
                            className="citation")
    nested = html.Details([html.Summary("Full citation"), html.P("inner")], className="citation")
    others = html.Details([html.Summary("Other figures (1)"), html.Div(["597,066", nested])],
                          className="core-others")
    plain = html.Details([html.Summary("Open"), html.P("stays")], className="fields")
    return html.Div([html.P("574,682"), citation, others, plain])


def test_split_keeps_summaries_and_empties_only_folded_bodies():
    tree = _tree()
    before = texts(tree)
    light, bodies = later.split(tree)
    assert texts(tree) == before                                   # the cached page is never changed
    assert texts(light) == ["574,682", "Full citation", "Other figures (1)", "Open", "stays"]
    assert len(bodies) == 2                                         # the nested citation travels inside its parent
    assert texts(html.Div(bodies[0])) == ["Publisher", "IT.NRW"]
    assert texts(html.Div(bodies[1])) == ["597,066", "Full citation", "inner"]
    ids = [c.id for c in light.children[1].children[1:] + light.children[2].children[1:]]
    assert ids == [{"type": later.BODY, "i": 0}, {"type": later.BODY, "i": 1}]


def test_answer_follows_each_outputs_own_index():
    bodies = [["a"], ["b"]]
    outputs = [{"id": {"type": later.BODY, "i": 1}}, {"id": {"type": later.BODY, "i": 0}},
               {"id": {"type": later.BODY, "i": 7}}]
    assert later.answer(bodies, outputs) == [["b"], ["a"], []]
