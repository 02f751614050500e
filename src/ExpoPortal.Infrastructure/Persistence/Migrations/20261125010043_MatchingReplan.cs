using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MatchingReplan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "kept_meetings",
                table: "matching_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "moved_meetings",
                table: "matching_runs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "replan",
                table: "matching_runs",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "kept_meetings",
                table: "matching_runs");

            migrationBuilder.DropColumn(
                name: "moved_meetings",
                table: "matching_runs");

            migrationBuilder.DropColumn(
                name: "replan",
                table: "matching_runs");
        }
    }
}
