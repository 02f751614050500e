using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DataImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "participants",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "link",
                table: "notifications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "business_number",
                table: "exhibitors",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_participants_event_email",
                table: "participants",
                columns: new[] { "event_id", "email" },
                unique: true,
                filter: "email IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_exhibitors_event_business_number",
                table: "exhibitors",
                columns: new[] { "event_id", "business_number" },
                unique: true,
                filter: "business_number IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_participants_event_email",
                table: "participants");

            migrationBuilder.DropIndex(
                name: "ux_exhibitors_event_business_number",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "email",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "business_number",
                table: "exhibitors");

            migrationBuilder.AlterColumn<string>(
                name: "link",
                table: "notifications",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);
        }
    }
}
