"""Text: quantities (distances, durations, speeds) and the travel claims made with them.

* :mod:`routes.text.quantities`: figures and their units, ranges and hedges;
* :mod:`routes.text.lexicon`: the words the claim finder reads (mode cues, non-trip
  phrases, compass points, references), from ``data/lexicon/``;
* :mod:`routes.text.claims`: which figures are claims about a trip, between which places, by
  which mode, and how sure each reading is.

Their verdicts come from :mod:`routes.verdicts`, which compares each claim with the route
estimates of every mode.
"""
