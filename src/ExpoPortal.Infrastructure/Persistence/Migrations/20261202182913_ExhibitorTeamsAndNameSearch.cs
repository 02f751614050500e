using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExhibitorTeamsAndNameSearch : Migration
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
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "name_text",
                table: "exhibitors",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

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

            migrationBuilder.CreateIndex(
                name: "ix_exhibitors_name_text_trgm",
                table: "exhibitors",
                column: "name_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // Every company that has sign-ins gets one primary contact (imports made one sign-in per company so far).
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" u SET is_primary_contact = true
                WHERE u.exhibitor_id IS NOT NULL
                  AND u.id = (SELECT v.id FROM "AspNetUsers" v WHERE v.exhibitor_id = u.exhibitor_id ORDER BY v.id LIMIT 1);
                """);

            // The names text of the listings already stored, as Exhibitor.RefreshSearchText writes it (sector names from IndustryNames).
            migrationBuilder.Sql("""
                UPDATE exhibitors x SET name_text = lower(concat_ws(' ',
                    nullif(x.name_ko, ''), nullif(x.name_en, ''), nullif(x.city_ko, ''), nullif(x.city_en, ''),
                    CASE x.industry WHEN 'AgriFood' THEN '농식품 Agri-food' WHEN 'ProcessedFood' THEN '가공식품 Processed food'
                        WHEN 'Cosmetics' THEN '화장품 Cosmetics' WHEN 'Health' THEN '헬스케어 Health' WHEN 'Machinery' THEN '기계 Machinery'
                        WHEN 'AutoParts' THEN '자동차 부품 Auto parts' WHEN 'Electronics' THEN '전자 Electronics' ELSE '생활용품 Consumer goods' END,
                    (SELECT string_agg(concat_ws(' ', nullif(p.name_ko, ''), nullif(p.name_en, '')), ' ' ORDER BY p.id)
                     FROM exhibitor_products p WHERE p.exhibitor_id = x.id)));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_meetings_owner_user_id",
                table: "meetings");

            migrationBuilder.DropIndex(
                name: "ix_exhibitors_name_text_trgm",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "recipient_user_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "owner_user_id",
                table: "meetings");

            migrationBuilder.DropColumn(
                name: "name_text",
                table: "exhibitors");

            migrationBuilder.DropColumn(
                name: "is_primary_contact",
                table: "AspNetUsers");
        }
    }
}
