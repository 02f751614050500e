using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Meeting ids come from a HiLo sequence instead of the column's identity, so a booking knows its id before the insert
    /// (and saves the audit entry that names it in the same round trip). The sequence starts past every existing id.
    /// </summary>
    public partial class MeetingIdsByHiLo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "meetings_hilo",
                incrementBy: 10);

            migrationBuilder.AlterColumn<int>(
                name: "id",
                table: "meetings",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.Sql("SELECT setval('meetings_hilo', COALESCE((SELECT MAX(id) FROM meetings), 0) + 1, false);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSequence(
                name: "meetings_hilo");

            migrationBuilder.AlterColumn<int>(
                name: "id",
                table: "meetings",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('meetings', 'id'), COALESCE((SELECT MAX(id) FROM meetings), 0) + 1, false);");
        }
    }
}
