using System.CommandLine;
using HaloNotebooks.Cli.Kernel;

namespace HaloNotebooks.Cli.Commands;

/// <summary>
/// <c>halo kernel --connection-file FILE</c>: serves the built-in runner as a Jupyter kernel (a front end starts it through
/// the kernelspec); <c>halo kernel install [--user | --prefix DIR]</c> writes that kernelspec ("C# (HaloNotebooks)"),
/// <c>halo kernel uninstall [--user | --prefix DIR]</c> removes it.
/// </summary>
public sealed class KernelCommand : ICliCommand
{
    public Command Build()
    {
        var connection = new Option<string?>("--connection-file", "-f") { Description = "The connection file Jupyter wrote (ports and signing key)" };
        var command = new Command("kernel", "A Jupyter kernel on the built-in runner: install its kernelspec, or serve one notebook (Jupyter starts it)");
        command.Options.Add(connection);
        command.SetAction(parse =>
        {
            if (parse.GetValue(connection) is not { } file)
            {
                Console.Error.WriteLine("error: halo kernel needs --connection-file FILE (Jupyter passes it; to register the kernel: halo kernel install)");
                return Plumbing.ExitCode.Usage;
            }
            try
            {
                using var kernel = new JupyterKernel(ConnectionFile.Read(file), Directory.GetCurrentDirectory());
                return kernel.Run();
            }
            catch (KernelStartException e) { Console.Error.WriteLine("error: " + e.Message); return 1; }
        });
        command.Subcommands.Add(Spec("install", "Register `halo kernel` with Jupyter (kernelspec halo-csharp)", KernelSpecAction.Install));
        command.Subcommands.Add(Spec("uninstall", "Remove the halo-csharp kernelspec", KernelSpecAction.Uninstall));
        return command;
    }

    enum KernelSpecAction { Install, Uninstall }

    static Command Spec(string name, string description, KernelSpecAction action)
    {
        var user = new Option<bool>("--user") { Description = "In the user's Jupyter data folder (the default)" };
        var prefix = new Option<string?>("--prefix") { Description = "Under DIR/share/jupyter/kernels (a virtual environment's or conda's prefix)" };
        var cmd = new Command(name, description);
        cmd.Options.Add(user);
        cmd.Options.Add(prefix);
        cmd.SetAction(parse =>
        {
            if (parse.GetValue(user) && parse.GetValue(prefix) is not null)
            {
                Console.Error.WriteLine($"error: halo kernel {name}: --user and --prefix exclude each other");
                return Plumbing.ExitCode.Usage;
            }
            var where = parse.GetValue(prefix);
            try
            {
                if (action == KernelSpecAction.Install)
                {
                    var folder = KernelSpec.Install(where);
                    Console.WriteLine($"installed kernelspec {KernelSpec.Name} (\"{KernelSpec.DisplayName}\") in {folder}");
                    Console.WriteLine($"  starts: {string.Join(' ', KernelSpec.Command())} kernel --connection-file {{connection_file}}");
                }
                else
                {
                    var folder = KernelSpec.Uninstall(where);
                    Console.WriteLine(folder is null ? $"no kernelspec {KernelSpec.Name} in {KernelSpec.KernelsFolder(where)}" : $"removed {folder}");
                }
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: halo kernel {name}: {e.Message}");
                return 1;
            }
        });
        return cmd;
    }
}
