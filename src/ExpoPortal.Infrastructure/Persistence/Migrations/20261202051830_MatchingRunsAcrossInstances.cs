using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MatchingRunsAcrossInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "fraction",
                table: "matching_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "heartbeat_at",
                table: "matching_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "runner",
                table: "matching_runs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage",
                table: "matching_runs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "fraction",
                table: "matching_runs");

            migrationBuilder.DropColumn(
                name: "heartbeat_at",
                table: "matching_runs");

            migrationBuilder.DropColumn(
                name: "runner",
                table: "matching_runs");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "matching_runs");
        }
    }
}
