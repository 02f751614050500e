using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsAndRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminder_sent_at",
                table: "meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "max_pending_requests",
                table: "events",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "request_expiry_hours",
                table: "events",
                type: "integer",
                nullable: false,
                defaultValue: 48);

            migrationBuilder.CreateTable(
                name: "meeting_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<int>(type: "integer", nullable: false),
                    exhibitor_id = table.Column<int>(type: "integer", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    preferred_slot_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    meeting_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_requests_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_requests_exhibitors_exhibitor_id",
                        column: x => x.exhibitor_id,
                        principalTable: "exhibitors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_requests_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_meeting_requests_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_requests_time_slots_preferred_slot_id",
                        column: x => x.preferred_slot_id,
                        principalTable: "time_slots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<int>(type: "integer", nullable: true),
                    exhibitor_id = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title_ko = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    title_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body_ko = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    body_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    mail_language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    mail_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mail_attempts = table.Column<int>(type: "integer", nullable: false),
                    mailed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.CheckConstraint("ck_notifications_one_recipient", "(participant_id IS NULL) <> (exhibitor_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_notifications_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_exhibitors_exhibitor_id",
                        column: x => x.exhibitor_id,
                        principalTable: "exhibitors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_requests_event_id",
                table: "meeting_requests",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_requests_exhibitor_id",
                table: "meeting_requests",
                column: "exhibitor_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_requests_meeting_id",
                table: "meeting_requests",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_requests_preferred_slot_id",
                table: "meeting_requests",
                column: "preferred_slot_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_requests_status_expires_at",
                table: "meeting_requests",
                columns: new[] { "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ux_meeting_requests_one_pending_per_pair",
                table: "meeting_requests",
                columns: new[] { "participant_id", "exhibitor_id" },
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_event_id",
                table: "notifications",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_exhibitor_id_read_at",
                table: "notifications",
                columns: new[] { "exhibitor_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_mail_status_id",
                table: "notifications",
                columns: new[] { "mail_status", "id" },
                filter: "mail_status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_participant_id_read_at",
                table: "notifications",
                columns: new[] { "participant_id", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_requests");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropColumn(
                name: "reminder_sent_at",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "max_pending_requests",
                table: "events");

            migrationBuilder.DropColumn(
                name: "request_expiry_hours",
                table: "events");
        }
    }
}
