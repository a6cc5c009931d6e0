import graphene


class Term(graphene.Interface):
    """Een term uit een van de indelingen van de catalogus."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True)
    description = graphene.String(required=True)


class Topic(graphene.ObjectType):
    """Een thema, bijv. 'Paspoort, ID-kaart en rijbewijs'."""

    class Meta:
        interfaces = (Term,)


class LifeEvent(graphene.ObjectType):
    """Een levensgebeurtenis, bijv. 'Verhuizen'."""

    class Meta:
        interfaces = (Term,)


class Audience(graphene.ObjectType):
    """Een doelgroep: burger, ondernemer, organisatie."""

    class Meta:
        interfaces = (Term,)


class Upl(graphene.ObjectType):
    """Een naam uit de Uniforme Productnamenlijst (UPL)."""

    uri = graphene.String(required=True)
    name = graphene.String(required=True)
    sdg_code = graphene.String(description="Code van het SDG-informatiegebied, als die er is.")

    @staticmethod
    def resolve_sdg_code(root, info):
        return root.sdg_code or None
