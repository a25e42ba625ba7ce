package org.dlmexact.cli;

import java.io.PrintWriter;
import org.dlmexact.exact.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dlm-exact} command line. Exit codes: 0 success, 1 a check failed, 2 bad input. */
@Command(name = "dlm-exact", mixinStandardHelpOptions = true, version = "dlm-exact 0.1.0",
        description = "Exact convergence theory of masked diffusion language models on tiny alphabets.",
        subcommands = {LawCommand.class, InfoCommand.class, BenchCommand.class, ErrorCommand.class, SampleCommand.class, AuditCommand.class,
                VectorsCommand.class, ValidateCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line (used by the tests as well as by {@link #main}). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String message = ex.getMessage().replace('\n', ' ').strip();
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
                commandLine.getErr().println("dlm-exact: error: " + t.getMessage());
                commandLine.getErr().flush();
                return BAD_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    /** Runs with the given output streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
