"""Text: quantities (distances, durations, speeds) and the travel claims made with them.

* :mod:`routes.text.quantities`: figures and their units, ranges and hedges;
* :mod:`routes.text.claims`: which figures are claims about a trip, between which places, by
  which mode, and their verdicts.
"""
