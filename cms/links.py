"""Finding external links in texts and URL fields, and checking whether they still work."""

import re
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser

_URL_RE = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.IGNORECASE)
_TRAILING = ".,;:!?»”’"
USER_AGENT = "pdc-kennisbank-linkcontrole/1.0"


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def urls_in_text(text: str) -> list[str]:
    """External http(s) URLs in Markdown, rich text (hrefs) or plain text, in order, once each."""
    if not text:
        return []
    found: list[str] = []
    if "<a" in text:
        parser = _Hrefs()
        parser.feed(text)
        found += [h for h in parser.hrefs if h.lower().startswith(("http://", "https://"))]
    found += [m.group().rstrip(_TRAILING) for m in _URL_RE.finditer(text)]
    return list(dict.fromkeys(found))


def is_external(url: str) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class Result:
    url: str
    ok: bool
    status_code: int | None
    error: str = ""


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http only)
        return response.status


def check_url(url: str, timeout: float = 10) -> Result:
    """HEAD the URL (GET when HEAD is not allowed); redirects are followed; 4xx/5xx is broken."""
    try:
        try:
            status = _request(url, "HEAD", timeout)
        except urllib.error.HTTPError as error:
            if error.code not in (403, 405, 501):
                raise
            status = _request(url, "GET", timeout)
        return Result(url, status < 400, status)
    except urllib.error.HTTPError as error:
        return Result(url, False, error.code, str(error.reason)[:300])
    except urllib.error.URLError as error:
        return Result(url, False, None, str(error.reason)[:300])
    except TimeoutError:
        return Result(url, False, None, "geen antwoord (time-out)")
    except (OSError, ValueError) as error:
        return Result(url, False, None, str(error)[:300])


def check_urls(urls: Iterable[str], timeout: float = 10, workers: int = 8) -> list[Result]:
    urls = list(dict.fromkeys(urls))
    if not urls:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls)))) as pool:
        return list(pool.map(lambda u: check_url(u, timeout), urls))
