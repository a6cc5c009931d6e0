from catalogue.text import html_to_markdown, html_to_text, markdown_to_html, sanitize_html


def test_markdown_becomes_sanitized_html():
    html = markdown_to_html(
        "## Kosten\n\nU betaalt **€ 84,05**.\n\n- pasfoto\n- ID\n\n<script>alert(1)</script>"
    )
    assert "<h2>Kosten</h2>" in html
    assert "<strong>€ 84,05</strong>" in html
    assert "<li>pasfoto</li>" in html
    assert "<script" not in html


def test_sanitize_drops_event_handlers_and_javascript_links():
    html = sanitize_html('<p onclick="x()">Hoi <a href="javascript:alert(1)">klik</a></p>')
    assert "onclick" not in html
    assert "javascript" not in html


def test_html_to_text_keeps_structure():
    text = html_to_text(
        "<p>Eerste alinea.</p><ul><li>een</li><li>twee</li></ul><p>Zie <a href='https://x.nl'>site</a>.</p>"
    )
    assert text == "Eerste alinea.\n\n- een\n- twee\n\nZie site (https://x.nl)."


def test_html_to_markdown_round_trip():
    md = html_to_markdown(
        "<h2>Kosten</h2><p>U betaalt <b>veel</b>.</p><ol><li>a</li><li>b</li></ol>"
    )
    assert md == "## Kosten\n\nU betaalt **veel**.\n\n1. a\n2. b"
    assert "<h2>Kosten</h2>" in markdown_to_html(md)
