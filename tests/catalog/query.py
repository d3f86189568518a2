"""Reads a built site's data/catalog.jsonld as RDF with rdflib and prints
what tests/catalog.rs asserts, as JSON: the catalogue's datasets with their
texts and distributions, found with SPARQL, so that only what an RDF
reader (a data portal's harvester) sees counts, not the JSON's shape.

Usage: python3 query.py PUBLIC_DIR
"""

import json
import pathlib
import sys

import rdflib

public = pathlib.Path(sys.argv[1])
graph = rdflib.Graph()
graph.parse(public / "data/catalog.jsonld", format="json-ld")

PREFIXES = """
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def rows(query):
    return list(graph.query(PREFIXES + query))


def literal(value):
    return {"value": str(value), "lang": value.language}


def values(subject, query):
    """The objects of one property path of `subject`, as strings."""
    return sorted(str(r[0]) for r in rows(query.replace("?s", f"<{subject}>")))


out = {
    "triples": len(graph),
    "catalogs": sorted(str(r[0]) for r in rows("SELECT ?c WHERE { ?c a dcat:Catalog }")),
    "catalog_titles": [literal(r[0]) for r in rows("SELECT ?t WHERE { ?c a dcat:Catalog ; dct:title ?t }")],
    "publisher_names": [
        literal(r[0])
        for r in rows("SELECT ?n WHERE { ?c a dcat:Catalog ; dct:publisher ?p . ?p a foaf:Agent ; foaf:name ?n }")
    ],
    "languages": sorted(str(r[0]) for r in rows("SELECT ?l WHERE { ?c a dcat:Catalog ; dct:language ?l }")),
    "licence_triples": len(rows("SELECT ?s WHERE { ?s dct:license ?o }")),
    "datasets": {},
}
catalogued = {str(r[0]) for r in rows("SELECT ?d WHERE { ?c a dcat:Catalog ; dcat:dataset ?d }")}
for (dataset,) in rows("SELECT ?d WHERE { ?d a dcat:Dataset }"):
    d = str(dataset)
    distributions = []
    for (dist,) in rows(f"SELECT ?x WHERE {{ <{d}> dcat:distribution ?x . ?x a dcat:Distribution }}"):
        distributions.append(
            {
                "download": values(dist, "SELECT ?o WHERE { ?s dcat:downloadURL ?o }"),
                "access": values(dist, "SELECT ?o WHERE { ?s dcat:accessURL ?o }"),
                "media_type": values(dist, "SELECT ?o WHERE { ?s dcat:mediaType ?o }"),
                "format": values(dist, "SELECT ?o WHERE { ?s dct:format ?o }"),
                "licence": values(dist, "SELECT ?o WHERE { ?s dct:license ?o }"),
            }
        )
    out["datasets"][d] = {
        "in_catalog": d in catalogued,
        "titles": [literal(r[0]) for r in rows(f"SELECT ?t WHERE {{ <{d}> dct:title ?t }}")],
        "descriptions": [literal(r[0]) for r in rows(f"SELECT ?t WHERE {{ <{d}> dct:description ?t }}")],
        "publisher_names": [
            literal(r[0]) for r in rows(f"SELECT ?n WHERE {{ <{d}> dct:publisher ?p . ?p foaf:name ?n }}")
        ],
        "modified": values(d, "SELECT ?o WHERE { ?s dct:modified ?o . FILTER(datatype(?o) = xsd:date) }"),
        "contact_emails": values(d, "SELECT ?o WHERE { ?s dcat:contactPoint ?p . ?p vcard:hasEmail ?o }"),
        "distributions": distributions,
    }
print(json.dumps(out, ensure_ascii=False, indent=1))
