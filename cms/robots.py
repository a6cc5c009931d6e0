"""This host is the CMS, never the municipality's website: nothing on it is for search engines.

The built-in HTML pages are the editors' view of the facts; an indexed copy of them would
compete with (and contradict) the website.
"""

from django.http import HttpResponse

NO_INDEX = "noindex, nofollow"


def robots_txt(request):
    return HttpResponse("User-agent: *\nDisallow: /\n", content_type="text/plain")


class NoIndexMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("X-Robots-Tag", NO_INDEX)
        return response
