using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExhibitorTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "recipient_user_id",
                table: "notifications",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_user_id",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_primary_contact",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_meetings_owner_user_id",
                table: "meetings",
                column: "owner_user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_meetings_asp_net_users_owner_user_id",
                table: "meetings",
                column: "owner_user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Every company that has sign-ins gets one primary contact (imports made one sign-in per company so far).
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" u SET is_primary_contact = true
                WHERE u.exhibitor_id IS NOT NULL
                  AND u.id = (SELECT v.id FROM "AspNetUsers" v WHERE v.exhibitor_id = u.exhibitor_id ORDER BY v.id LIMIT 1);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_meetings_asp_net_users_owner_user_id",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_meetings_owner_user_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "recipient_user_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "owner_user_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "is_primary_contact",
                table: "AspNetUsers");
        }
    }
}
