// The GraphQL documents of the console (schema: api/schema.graphql). The console reads
// exactly what any other client of the public API can read with a KCC token.

const GLANCE = `
  fees { label formatted channel }
  leadTime { formatted }
  channels { order kind availability url appointmentUrl }
`;

export const SEARCH_QUERY = `
query ConsoleSearch($query: String!, $first: Int) {
  search(query: $query, channel: KCC, first: $first) {
    total
    suggestion
    correctedQuery
    degraded
    searchId
    hits {
      position
      type
      title
      summary
      highlight
      url
      bestBet
      product { id slug ${GLANCE} }
      article { id slug }
    }
  }
}`;

export const SUGGEST_QUERY = `
query ConsoleSuggest($prefix: String!) {
  suggest(prefix: $prefix) { text kind }
}`;

export const OPENED_MUTATION = `
mutation ConsoleOpened($searchId: ID!, $pageId: ID!, $position: Int) {
  recordSearchResultOpened(searchId: $searchId, pageId: $pageId, position: $position) { ok }
}`;

const LOCATION = `
  name
  address
  openingHours { isOpenNow nextOpening week { date intervals { opens closes } } }
`;

export const PRODUCT_QUERY = `
query ConsoleProduct($slug: String!) {
  product(slug: $slug, channel: KCC) {
    id
    slug
    title
    summary
    text(format: HTML)
    url
    upl { name }
    kccInternalNotes
    fees { label formatted channel }
    leadTime { formatted unit readyBy }
    requiredDocuments { name note }
    conditions { text(format: PLAIN) }
    channels {
      order kind availability url appointmentUrl appointmentMinutes whatToBring
      locations { name }
    }
    locations { ${LOCATION} }
    responsibleService { name phone email routingInternal routingHours }
    faqs { question answer(format: HTML) }
    articles { slug title }
  }
}`;

export const ARTICLE_QUERY = `
query ConsoleArticle($slug: String!) {
  knowledgeArticle(slug: $slug, channel: KCC) {
    id
    slug
    title
    summary
    text(format: HTML)
    plain: text(format: PLAIN)
    url
    kccInternalNotes
    responsibleService { name routingInternal routingHours }
    relatedProducts { slug title }
  }
}`;
