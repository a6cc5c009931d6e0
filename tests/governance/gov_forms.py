"""Read an admin form as the browser would submit it, so tests can change a field and post."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.depth = 0
        self.data: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._option_value: str | None = None
        self._option_selected = False
        self._option_text: list[str] = []
        self._multiple = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if not self.inside and (self.form_id is None or a.get("id") == self.form_id):
                self.inside = True
                self.depth = 0
            elif self.inside:
                self.depth += 1
            return
        if not self.inside or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.data.append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._options, self._multiple = name, [], "multiple" in a
        elif tag == "option" and self._select:
            self._option_value = a.get("value")
            self._option_selected = "selected" in a
            self._option_text = []

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            if self.depth:
                self.depth -= 1
            else:
                self.inside = False
        elif tag == "textarea" and self._textarea:
            text = "".join(self._text)
            self.data.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "option" and self._select is not None:
            value = self._option_value
            if value is None:
                value = "".join(self._option_text).strip()
            self._options.append((value, self._option_selected))
        elif tag == "select" and self._select:
            chosen = [v for v, s in self._options if s]
            if not chosen and not self._multiple and self._options:
                chosen = [self._options[0][0]]
            self.data += [(self._select, v) for v in chosen]
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)
        elif self._select is not None:
            self._option_text.append(data)


def read_form(html: str, form_id: str | None = None) -> dict[str, list[str]]:
    """The fields of the (first, or `form_id`) form: name -> list of values."""
    reader = _FormReader(form_id)
    reader.feed(html)
    result: dict[str, list[str]] = {}
    for name, value in reader.data:
        result.setdefault(name, []).append(value)
    return result


def form_data(html: str, form_id: str | None = None, **changes) -> dict[str, list[str] | str]:
    """The form's data with `changes` applied, ready for `client.post(url, data)`."""
    data: dict[str, list[str] | str] = dict(read_form(html, form_id))
    data.update(changes)
    return data
