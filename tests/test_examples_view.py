"""How examples are shown: a flow drawn as a sequence diagram, repeated boilerplate left
out of later requests. On model objects, no build."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.exchanges import shown_steps
from generator.model import Example
from generator.sequence import diagram

CHALLENGE = Example.model_validate(
    {
        "title": "A token, then a retry with it",
        "steps": [
            {
                "request": "GET /me HTTP/1.1\nHost: api.example.com\n"
                "Authorization: Bearer old\nUser-Agent: demo/1.0\n",
                "response": 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\n'
                "Content-Length: 0\n",
            },
            {
                "request": "GET /me HTTP/1.1\nHost: api.example.com\n"
                "Authorization: Bearer new\nUser-Agent: demo/1.0\n",
                "response": "HTTP/1.1 200 OK\nContent-Length: 0\n",
            },
        ],
    }
)


def test_a_flow_is_drawn_with_one_arrow_per_message_and_a_text_alternative():
    svg = BeautifulSoup(str(diagram(CHALLENGE)), "html.parser").find("svg")
    labels = [t.get_text() for t in svg.find_all("text")]
    assert labels == [
        "Client",
        "api.example.com",
        "1. GET /me",
        "1. 401 Unauthorized",
        "2. GET /me",
        "2. 200 OK",
    ]
    assert svg["role"] == "img"
    assert "api.example.com to Client: 401 Unauthorized" in svg["aria-label"]


def test_a_single_exchange_is_not_drawn():
    single = Example.model_validate({"title": "One", "steps": [CHALLENGE.steps[0]]})
    assert diagram(single) is None


def test_markup_in_a_request_target_is_text_in_the_diagram():
    target = "/<img/src=x/onerror=alert(1)>"
    data = CHALLENGE.model_dump(exclude_none=True)
    data["steps"][1]["request"] = f"GET {target} HTTP/1.1\nHost: api.example.com\n"
    hostile = Example.model_validate(data)
    soup = BeautifulSoup(str(diagram(hostile)), "html.parser")
    assert soup.find("img") is None
    assert f"2. GET {target}" in [t.get_text() for t in soup.find_all("text")]


def test_later_requests_leave_out_repeated_boilerplate_and_say_so():
    first, second = shown_steps(CHALLENGE)
    assert first.request == CHALLENGE.steps[0].request  # the first request is whole
    assert "User-Agent" not in second.request
    assert "Authorization: Bearer new" in second.request  # changed, so still shown
    assert second.request_title == "Request (User-Agent as in step 1)"
