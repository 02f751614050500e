extern alias cli;

using cli::ExpoPortal.Cli;
using cli::ExpoPortal.Cli.Commands;
using ExpoPortal.Matching.Io;
using ExpoPortal.Tests.Shared;

namespace ExpoPortal.IntegrationTests.Matchmaking;

public sealed class ExportCommandTests(PostgresServer postgres)
{
    [Fact]
    public async Task Export_writes_the_event_from_PostgreSQL_as_an_instance_file()
    {
        var connection = await postgres.CreateDemoDatabaseAsync();
        var path = Path.Combine(Path.GetTempPath(), $"expo-export-{Guid.NewGuid():N}.json");
        var output = new StringWriter();
        try
        {
            var exit = CommandLine.Run(["export", "--event", "andong-2027", "--out", path, "--connection", connection], [new ExportCommand()], output, output);

            Assert.Equal(CommandLine.Ok, exit);
            var instance = InstanceReader.ReadFile(path);
            Assert.Equal(250 - ExpoPortal.Infrastructure.DemoData.AndongDemo.LateRegistrants, instance.Exhibitors.Count); // exhibitors with a booth
            Assert.Equal(1000, instance.Participants.Count);
            Assert.Contains("andong-2027", output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_unknown_event_is_a_clear_error_not_a_stack_trace()
    {
        var connection = await postgres.CreateDemoDatabaseAsync();
        var error = new StringWriter();

        var exit = CommandLine.Run(["export", "--event", "incheon", "--out", "x.json", "--connection", connection], [new ExportCommand()], new StringWriter(), error);

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Contains("no event \"incheon\" (events: ", error.ToString());
        Assert.Contains("andong-2027", error.ToString()); // the events there are, to choose from
        Assert.DoesNotContain("   at ", error.ToString());
    }
}
