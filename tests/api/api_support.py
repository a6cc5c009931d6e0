"""Helpers for the GraphQL API tests: `gql` posts a query and returns (status, json).

A module of its own: several test folders have a conftest.py, so `from conftest import ...`
would pick whichever was imported first.
"""

import json

PRODUCT_FACTS = """
fragment Loc on Location {
  slug name address
  openingHours { isOpenNow nextOpening week { date weekday isClosed isHoliday holidayName
    formatted intervals { opens closes formatted } } }
  phone: openingHours(channel: PHONE) { isOpenNow }
}
fragment Facts on Product {
  id slug title summary url lastPublishedAt keywords synonyms
  upl { uri name sdgCode }
  fees { label amount currency free channel validFrom validUntil formatted }
  leadTime { min max unit note formatted readyBy readyWindow { earliest latest } }
  expressLeadTime { min max unit formatted } expressFee { amount currency formatted }
  requiredDocuments { slug name description note }
  conditions { text evidence } procedure { position text }
  objection noDecision legalBasis { label url }
  responsibleService { slug name phone email website address locations { ...Loc } }
  channels { order kind availability url appointmentUrl appointmentMinutes whatToBring note
    locations { ...Loc } }
  locations { ...Loc }
  faqs { question answer }
  topics { slug name } lifeEvents { slug name } audiences { slug name }
  articles { slug title question relatedProducts { slug } }
}
"""


def post(client, query: str, variables: dict | None = None, token: str | None = None, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    body = {"query": query, "variables": variables or {}}
    return client.post(
        "/graphql/", json.dumps(body), content_type="application/json", **headers, **extra
    )


def gql(client, query: str, variables: dict | None = None, token: str | None = None):
    response = post(client, query, variables, token)
    return response.status_code, response.json()
