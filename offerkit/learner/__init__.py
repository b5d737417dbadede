"""The learner: the parameter schema, the answers store and the learner's derived state."""
