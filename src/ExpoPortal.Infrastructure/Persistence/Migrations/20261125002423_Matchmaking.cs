using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Matchmaking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "max_meetings",
                table: "participants",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "matching_run_id",
                table: "meetings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_meetings",
                table: "exhibitors",
                type: "integer",
                nullable: false,
                defaultValue: 20);

            migrationBuilder.AddColumn<int>(
                name: "min_meetings",
                table: "exhibitors",
                type: "integer",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.CreateTable(
                name: "matching_runs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    time_limit_seconds = table.Column<int>(type: "integer", nullable: false),
                    seed = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    pinned_meetings = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    figures = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_matching_runs_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_wishes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<int>(type: "integer", nullable: false),
                    exhibitor_id = table.Column<int>(type: "integer", nullable: false),
                    wished_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_wishes", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_wishes_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_wishes_exhibitors_exhibitor_id",
                        column: x => x.exhibitor_id,
                        principalTable: "exhibitors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_wishes_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_participants_max_meetings",
                table: "participants",
                sql: "max_meetings BETWEEN 1 AND 100");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_matching_run_id",
                table: "meetings",
                column: "matching_run_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_exhibitors_meeting_limits",
                table: "exhibitors",
                sql: "min_meetings >= 0 AND max_meetings >= 1 AND min_meetings <= max_meetings");

            migrationBuilder.CreateIndex(
                name: "ix_matching_runs_event_id_queued_at",
                table: "matching_runs",
                columns: new[] { "event_id", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "ux_matching_runs_one_active_per_event",
                table: "matching_runs",
                column: "event_id",
                unique: true,
                filter: "status IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_wishes_event_id",
                table: "meeting_wishes",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_wishes_exhibitor_id",
                table: "meeting_wishes",
                column: "exhibitor_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_wishes_participant_id_exhibitor_id_wished_by",
                table: "meeting_wishes",
                columns: new[] { "participant_id", "exhibitor_id", "wished_by" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_meetings_matching_runs_matching_run_id",
                table: "meetings",
                column: "matching_run_id",
                principalTable: "matching_runs",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_meetings_matching_runs_matching_run_id",
                table: "meetings");

            migrationBuilder.DropTable(
                name: "matching_runs");

            migrationBuilder.DropTable(
                name: "meeting_wishes");

            migrationBuilder.DropCheckConstraint(
                name: "ck_participants_max_meetings",
                table: "participants");

            migrationBuilder.DropIndex(
                name: "ix_meetings_matching_run_id",
                table: "meetings");

            migrationBuilder.DropCheckConstraint(
                name: "ck_exhibitors_meeting_limits",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "max_meetings",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "matching_run_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "max_meetings",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "min_meetings",
                table: "exhibitors");
        }
    }
}
