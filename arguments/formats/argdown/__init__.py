"""The Argdown language: a Lark grammar and the model the Argdown CLI builds from it."""
