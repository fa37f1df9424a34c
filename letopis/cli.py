"""The `letopis` command. Each stage's commands live beside that stage and register here;
heavy imports stay inside the commands so `letopis --help` is instant."""
from __future__ import annotations

import warnings

import typer

# pymorphy2 and natasha import pkg_resources, which warns on every start; the warning is not ours to fix
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

app = typer.Typer(help="Letopis: Russian security-incident news → sourced incident records.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
eval_app = typer.Typer(help="Score Letopis against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _register() -> None:
    from letopis import commands  # extract, check-examples
    commands.register(app, eval_app)
    for mod in ("letopis.store.commands", "letopis.web.commands", "letopis.nlp.commands", "letopis.nlp.bsnlp",
                "letopis.incidents.commands"):
        try:
            module = __import__(mod, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != mod:        # a real missing dependency, not an absent stage
                raise
            continue
        module.register(app, eval_app)


_register()

if __name__ == "__main__":
    app()
