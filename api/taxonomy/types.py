import graphene


class Term(graphene.Interface):
    """A term of one of the catalogue's classifications."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    description = graphene.String(required=True)


class Topic(graphene.ObjectType):
    """A theme (thema), e.g. 'Paspoort, ID-kaart en rijbewijs'."""

    class Meta:
        interfaces = (Term,)


class LifeEvent(graphene.ObjectType):
    """A life event (levensgebeurtenis), e.g. 'Verhuizen'."""

    class Meta:
        interfaces = (Term,)


class Audience(graphene.ObjectType):
    """An audience (doelgroep): burger, ondernemer, organisatie."""

    class Meta:
        interfaces = (Term,)


class Upl(graphene.ObjectType):
    """An entry of the Uniforme Productnamenlijst."""

    uri = graphene.String(required=True)
    name = graphene.String(required=True)
    sdg_code = graphene.String(description="Code van het SDG-informatiegebied, als die er is.")

    @staticmethod
    def resolve_sdg_code(root, info):
        return root.sdg_code or None
