"""The comparisons that pairing and the decision share: content words and names, word lists, figures and dates,
negation and modality, subjects and events, speakers. Each reads two claim texts; none judges a pair alone."""
