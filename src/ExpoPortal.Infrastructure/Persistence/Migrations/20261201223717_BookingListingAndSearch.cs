using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BookingListingAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "client_request_id",
                table: "meetings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                table: "meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "listing_updated_at",
                table: "exhibitors",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "listing_updated_by",
                table: "exhibitors",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "exhibitors",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            // Existing listings get their search text here; the next edit of a listing refreshes it in C# (with the sector names).
            migrationBuilder.Sql("""
                UPDATE exhibitors x SET search_text = lower(concat_ws(' ', x.name_ko, x.name_en, x.description_ko, x.description_en,
                    x.city_ko, x.city_en,
                    (SELECT string_agg(concat_ws(' ', p.name_ko, p.name_en, p.description_ko, p.description_en, p.hs_code), ' ')
                     FROM exhibitor_products p WHERE p.exhibitor_id = x.id)));
                """);

            migrationBuilder.AddColumn<bool>(
                name: "booking_open",
                table: "events",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "cancellation_cutoff_hours",
                table: "events",
                type: "integer",
                nullable: false,
                defaultValue: 24);

            migrationBuilder.CreateIndex(
                name: "ux_meetings_client_request",
                table: "meetings",
                columns: new[] { "event_id", "client_request_id" },
                unique: true,
                filter: "client_request_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_exhibitors_search_text_trgm",
                table: "exhibitors",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_meetings_client_request",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_exhibitors_search_text_trgm",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "client_request_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "listing_updated_at",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "listing_updated_by",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "booking_open",
                table: "events");

            migrationBuilder.DropColumn(
                name: "cancellation_cutoff_hours",
                table: "events");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
