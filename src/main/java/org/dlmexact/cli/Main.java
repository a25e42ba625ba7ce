package org.dlmexact.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.dlmexact.exact.Echo;
import org.dlmexact.exact.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dlm-exact} command line. Exit codes: 0 success, 1 a check failed, 2 bad input.
 *
 * <p>Picocli reads the annotations of every registered command when the command line is built,
 * which is most of the start-up time of a short run. So when the first argument names a
 * subcommand, only that subcommand is registered; otherwise (no arguments, an option such as
 * {@code --help}, an unknown name) all of them are, and the usage and error messages list them all.
 */
@Command(name = "dlm-exact", mixinStandardHelpOptions = true, version = "dlm-exact 0.1.0",
        description = "Exact convergence theory of masked diffusion language models on tiny alphabets.")
public final class Main implements Runnable {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    /** The subcommands, in the order the usage lists them. */
    static final List<String> SUBCOMMANDS = List.of("law", "info", "bench", "error", "sample", "audit", "vectors",
            "validate");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static Object subcommand(String name) {
        switch (name) {
            case "law": return new LawCommand();
            case "info": return new InfoCommand();
            case "bench": return new BenchCommand();
            case "error": return new ErrorCommand();
            case "sample": return new SampleCommand();
            case "audit": return new AuditCommand();
            case "vectors": return new VectorsCommand();
            case "validate": return new ValidateCommand();
            default: throw new IllegalArgumentException("no subcommand " + name);
        }
    }

    /**
     * A command whose standard output is written as it is produced (a long stream of samples, a
     * benchmark's progress); it must validate everything before its first line. Every other
     * command's output is held until the command ends and printed only if it did not refuse its
     * input, so a refusal (exit 2) prints nothing on stdout whatever the command did before.
     */
    interface Streaming {
    }

    /** A configured command line with every subcommand (used by the tests as well as by {@link #main}). */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** A configured command line for {@code arguments}: only the subcommand its first argument names, if any. */
    static CommandLine commandLine(String... arguments) {
        CommandLine cl = new CommandLine(new Main());
        boolean named = arguments.length > 0 && SUBCOMMANDS.contains(arguments[0]);
        for (String name : SUBCOMMANDS) {
            if (!named || name.equals(arguments[0])) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        cl.setExecutionStrategy(Main::executeHoldingOutput);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String message = Echo.line(String.valueOf(ex.getMessage()).replace('\n', ' ').strip());
            if (message.startsWith("Error: ")) {
                message = message.substring("Error: ".length());
            }
            c.getErr().println("dlm-exact: error: " + message
                    + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            if (t instanceof InvalidInputException || t instanceof NumberFormatException) {
                commandLine.getErr().println("dlm-exact: error: " + Echo.line(String.valueOf(t.getMessage())));
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
                java.io.IOException io = t instanceof java.io.IOException ? (java.io.IOException) t
                        : ((java.io.UncheckedIOException) t).getCause();
                commandLine.getErr().println("dlm-exact: error: input or output failed: "
                        + Echo.line(org.dlmexact.io.InputFiles.reason(io)));
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    /** Runs the command with its output held ({@link Streaming}); the output is printed unless it refused. */
    private static int executeHoldingOutput(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandLine command = last.commandSpec().commandLine();
        if (command.getCommand() instanceof Streaming) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        PrintWriter out = command.getOut();
        StringWriter held = new StringWriter();
        command.setOut(new PrintWriter(held));
        try {
            int code = new CommandLine.RunLast().execute(parseResult);
            if (code != BAD_INPUT) {
                out.print(held);
                out.flush();
            }
            return code;
        } finally {
            command.setOut(out);
        }
    }

    /** Runs with the given output streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }
}
