"""Aspects that run dbrace on every C and C++ source of the targets built.

    bazel build //... --aspects=@dbrace//:dbrace.bzl%dbrace_aspect --output_groups=dbrace

`dbrace_aspect` runs dbrace's whole-program mode (docs/whole-program.md) as
Bazel actions, each with the flags Bazel computes for its file (the target's
copts, defines and include folders, and those its dependencies export):

1. per source, the first pass: the summaries of the functions the file
   defines and the calls they make to other files' functions,
   `bazel-bin/<package>/<target>.dbrace/<source>.summaries`;
2. per target, `dbrace merge` of the first passes of its sources and of
   every target it depends on, transitively: the summaries of the functions
   its sources can call, `<target>.dbrace/summaries.yaml`;
3. per source, the second pass with them: its findings,
   `<target>.dbrace/<source>.json`.

`dbrace_single_tu_aspect` runs only a single-file analysis per source (one
action each, reports in `<target>.dbrace_single_tu/`): half the work,
without the findings that need another file's code.

Being ordinary actions, they run in Bazel's sandbox or on its remote
executors, and their outputs are kept in Bazel's action cache (local or
remote): an action runs again only when one of its inputs changes (its
source, a header it may include, the flags, the rules files, and for a
second pass the merged summaries). `dbrace merge` joins the reports into one.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "CPP_COMPILE_ACTION_NAME", "C_COMPILE_ACTION_NAME")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

DbraceInfo = provider(
    doc = "The dbrace outputs of a target and of everything it depends on.",
    fields = {
        "reports": "depset of JSON reports, one per source file",
        "summaries": "depset of first passes' summaries files, one per source file (none from dbrace_single_tu_aspect)",
    },
)

_SOURCES = ["c", "cc", "cpp", "cxx", "c++", "C"]
_DEPS = ["deps", "implementation_deps"]

def _compile_flags(ctx, target, source, cc_toolchain, features):
    """The compiler's arguments for `source`, without the compiler itself."""
    compilation = target[CcInfo].compilation_context
    is_c = source.extension == "c"
    user_flags = list(ctx.fragments.cpp.copts)
    user_flags += ctx.fragments.cpp.conlyopts if is_c else ctx.fragments.cpp.cxxopts
    user_flags += getattr(ctx.rule.attr, "copts", [])
    defines = depset(
        getattr(ctx.rule.attr, "local_defines", []),
        transitive = [compilation.defines],
    )
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = user_flags,
        source_file = source.path,
        include_directories = compilation.includes,
        quote_include_directories = compilation.quote_includes,
        system_include_directories = compilation.system_includes,
        preprocessor_defines = defines,
    )
    return cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = C_COMPILE_ACTION_NAME if is_c else CPP_COMPILE_ACTION_NAME,
        variables = variables,
    )

def _folder(ctx, whole_program):
    """The target's outputs, apart for each aspect: Bazel's local action
    cache is keyed by the output's path, so switching aspects re-runs
    nothing that either ran before."""
    return ctx.label.name + (".dbrace" if whole_program else ".dbrace_single_tu")

def _output(ctx, folder, source, extension):
    return ctx.actions.declare_file("{}/{}.{}".format(
        folder,
        source.path.replace("/", "_"),
        extension,
    ))

def _run(ctx, mnemonic, message, args, inputs, output):
    ctx.actions.run(
        executable = ctx.executable._run_dbrace,
        arguments = [args],
        inputs = inputs,
        outputs = [output],
        mnemonic = mnemonic,
        # --action_env (DBRACE, PATH) reaches the action only this way.
        use_default_shell_env = True,
        progress_message = message,
    )

def _analyse(ctx, unit, mnemonic, message, options, extra_inputs, output):
    """An action running dbrace on `unit.source` with `options`.

    Each action sees one file of the program: a shard of one (--shard=1/1),
    so that a rule of the rules files that this file does not use is not
    reported as matching nothing. --no-cache: Bazel's action cache (local
    or remote) keys the action by its inputs, so dbrace's own cache would
    only duplicate it.
    """
    args = ctx.actions.args()
    args.add(unit.source.path)
    args.add("--shard=1/1")
    args.add_all(options)
    args.add_all(ctx.files._rules, format_each = "--rules=%s")
    args.add_all(["--no-cache", "--quiet", "--"])
    args.add_all(unit.flags)
    inputs = depset(
        [unit.source] + ctx.files._rules + extra_inputs,
        transitive = [unit.headers, unit.toolchain],
    )
    _run(ctx, mnemonic, message.format(unit.source.short_path), args, inputs, output)

def _first_pass(ctx, folder, unit):
    """The first pass on one source: its summaries, for `dbrace merge`.

    A shard's first pass (--shard=K/N --summaries=FILE) writes what its
    unit exports, calls of other files' functions unresolved, and reports
    only a file that does not compile.
    """
    summaries = _output(ctx, folder, unit.source, "summaries")
    _analyse(ctx, unit, "DbraceSummaries", "dbrace summaries {}", [
        "--summaries=" + summaries.path,
    ], [], summaries)
    return summaries

def _merge(ctx, folder, summaries):
    """The summaries of the functions the target's sources can call."""
    merged = ctx.actions.declare_file(folder + "/summaries.yaml")
    args = ctx.actions.args()
    args.add_all(["merge", "-o", merged.path])
    args.add_all(summaries)
    _run(ctx, "DbraceMerge", "dbrace merge " + str(ctx.label), args, summaries, merged)
    return merged

def _second_pass(ctx, folder, unit, merged):
    """The findings of one source, with the summaries `merged` if any."""
    report = _output(ctx, folder, unit.source, "json")
    options = ["--format=json", "--output=" + report.path]
    if merged:
        options += ["--summaries=" + merged.path, "--read-summaries"]
    _analyse(ctx, unit, "Dbrace", "dbrace {}", options, [merged] if merged else [], report)
    return report

def _units(ctx, target):
    """Each C or C++ source of the target with what analysing it needs."""
    if CcInfo not in target or not hasattr(ctx.rule.attr, "srcs"):
        return []
    cc_toolchain = find_cpp_toolchain(ctx)
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    units = []
    for src in ctx.rule.attr.srcs:
        for source in src.files.to_list():
            if source.extension in _SOURCES:
                units.append(struct(
                    source = source,
                    flags = _compile_flags(ctx, target, source, cc_toolchain, features),
                    headers = target[CcInfo].compilation_context.headers,
                    toolchain = cc_toolchain.all_files,
                ))
    return units

def _from_deps(ctx, field):
    return [
        getattr(dep[DbraceInfo], field)
        for attr in _DEPS
        for dep in getattr(ctx.rule.attr, attr, [])
        if DbraceInfo in dep
    ]

def _aspect_impl(target, ctx, whole_program):
    units = _units(ctx, target)
    folder = _folder(ctx, whole_program)
    summaries = depset(
        [_first_pass(ctx, folder, unit) for unit in units] if whole_program else [],
        transitive = _from_deps(ctx, "summaries"),
    )
    merged = _merge(ctx, folder, summaries) if units and whole_program else None
    reports = depset(
        [_second_pass(ctx, folder, unit, merged) for unit in units],
        transitive = _from_deps(ctx, "reports"),
    )
    return [
        DbraceInfo(reports = reports, summaries = summaries),
        OutputGroupInfo(dbrace = reports, dbrace_summaries = summaries),
    ]

def _whole_program_impl(target, ctx):
    return _aspect_impl(target, ctx, whole_program = True)

def _single_tu_impl(target, ctx):
    return _aspect_impl(target, ctx, whole_program = False)

_ATTRS = {
    "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
    "_run_dbrace": attr.label(
        default = Label("//:run_dbrace"),
        executable = True,
        cfg = "exec",
    ),
    "_rules": attr.label(default = Label("//:rules"), allow_files = True),
}

dbrace_aspect = aspect(
    implementation = _whole_program_impl,
    attr_aspects = _DEPS,
    fragments = ["cpp"],
    attrs = _ATTRS,
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)

dbrace_single_tu_aspect = aspect(
    implementation = _single_tu_impl,
    attr_aspects = _DEPS,
    fragments = ["cpp"],
    attrs = _ATTRS,
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)
