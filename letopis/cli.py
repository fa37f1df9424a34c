"""The `letopis` command. Each stage's commands live beside that stage and register here;
heavy imports stay inside the commands so `letopis --help` is instant."""
from __future__ import annotations

import os
import sys
import warnings

import typer

# pymorphy2 and natasha import pkg_resources, which warns on every start; the warning is not ours to fix
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)

app = typer.Typer(help="Letopis: Russian security-incident news → sourced incident records.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
eval_app = typer.Typer(help="Score Letopis against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@app.callback()
def options(ner: str = typer.Option(None, "--ner", envvar="LETOPIS_NER", show_default=False,
                                    help="NER model: fast (default; one model, faster than natasha's NER), "
                                         "accurate (an ensemble of two: +0.01 F1, ~15% slower), natasha "
                                         "(its 3 types only), or a weights .npz / ensemble .json file")) -> None:
    """Letopis: Russian security-incident news → sourced incident records."""
    if ner:
        from letopis.nlp.nerel import ENV, model_path
        try:
            path = model_path(ner)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--ner") from None
        if ner.strip().lower() != "natasha" and not path.exists():
            raise typer.BadParameter(f"no such model file: {path}", param_hint="--ner")
        os.environ[ENV] = ner          # worker processes inherit it


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


def main() -> None:
    """The console script: the app; then, when the command has said nothing is left to clean up
    (`extract`, once every record is written: commands.QUICK_EXIT), the process ends without the
    interpreter's teardown, which frees the loaded models object by object (~40 ms)."""
    try:
        app()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    from letopis import commands
    if not commands.QUICK_EXIT:
        raise SystemExit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):    # a reader that went away: the output is theirs to lose
        pass
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


if __name__ == "__main__":
    main()
