"""techkg: turn Chinese tech news into a knowledge graph.

The pipeline reads articles, finds the companies, products, partnerships and
product releases in them, and keeps them as an RDF graph with provenance.

>>> from techkg.records import Article
>>> Article(id="a1", text="英伟达与台积电合作。").id
'a1'
"""

__version__ = "0.1.0"
