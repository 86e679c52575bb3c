"""An aspect that runs dbrace on every C and C++ source of the targets built.

    bazel build //... --aspects=@dbrace//:dbrace.bzl%dbrace_aspect --output_groups=dbrace

Each source file is one action: dbrace with the flags Bazel computes for the
file (the target's copts, defines and include folders, and those its
dependencies export), its findings written to
`bazel-bin/<package>/<target>.dbrace/<source>.json`. Being ordinary actions,
they run in Bazel's sandbox or on its remote executors, and their reports are
kept in Bazel's action cache (local or remote): a source is analysed again
only when it, a header it may include, the flags or the rules files change.
`dbrace merge` joins the reports into one.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "CPP_COMPILE_ACTION_NAME", "C_COMPILE_ACTION_NAME")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

DbraceInfo = provider(
    doc = "The dbrace reports of a target and of everything it depends on.",
    fields = {"reports": "depset of JSON reports, one per source file"},
)

_SOURCES = ["c", "cc", "cpp", "cxx", "c++", "C"]

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

def _report_of(ctx, target, source, cc_toolchain, features):
    """Declares the action that analyses `source` and returns its report."""
    report = ctx.actions.declare_file(
        "{}.dbrace/{}.json".format(ctx.label.name, source.path.replace("/", "_")),
    )
    rules = ctx.files._rules
    args = ctx.actions.args()
    args.add(report.path)
    args.add(source.path)
    args.add_all(rules)
    args.add("--")
    args.add_all(_compile_flags(ctx, target, source, cc_toolchain, features))
    ctx.actions.run(
        executable = ctx.executable._run_dbrace,
        arguments = [args],
        inputs = depset(
            [source] + rules,
            transitive = [
                target[CcInfo].compilation_context.headers,
                cc_toolchain.all_files,
            ],
        ),
        outputs = [report],
        mnemonic = "Dbrace",
        # --action_env (DBRACE, PATH) reaches the action only this way.
        use_default_shell_env = True,
        progress_message = "dbrace {}".format(source.short_path),
    )
    return report

def _dbrace_aspect_impl(target, ctx):
    transitive = [
        dep[DbraceInfo].reports
        for attr in ["deps", "implementation_deps"]
        for dep in getattr(ctx.rule.attr, attr, [])
        if DbraceInfo in dep
    ]
    own = []
    if CcInfo in target and hasattr(ctx.rule.attr, "srcs"):
        cc_toolchain = find_cpp_toolchain(ctx)
        features = cc_common.configure_features(
            ctx = ctx,
            cc_toolchain = cc_toolchain,
            requested_features = ctx.features,
            unsupported_features = ctx.disabled_features,
        )
        for src in ctx.rule.attr.srcs:
            for source in src.files.to_list():
                if source.extension in _SOURCES:
                    own.append(_report_of(ctx, target, source, cc_toolchain, features))
    reports = depset(own, transitive = transitive)
    return [
        DbraceInfo(reports = reports),
        OutputGroupInfo(dbrace = reports),
    ]

dbrace_aspect = aspect(
    implementation = _dbrace_aspect_impl,
    attr_aspects = ["deps", "implementation_deps"],
    fragments = ["cpp"],
    attrs = {
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
        "_run_dbrace": attr.label(
            default = Label("//:run_dbrace"),
            executable = True,
            cfg = "exec",
        ),
        "_rules": attr.label(default = Label("//:rules"), allow_files = True),
    },
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)
