using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExpoPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProductPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "photo_url",
                table: "exhibitor_products");

            migrationBuilder.AddColumn<Guid>(
                name: "photo_id",
                table: "exhibitor_products",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "product_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    exhibitor_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_product_photos_exhibitors_exhibitor_id",
                        column: x => x.exhibitor_id,
                        principalTable: "exhibitors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_product_photos_event_id",
                table: "product_photos",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_photos_exhibitor_id",
                table: "product_photos",
                column: "exhibitor_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_photos_product_id",
                table: "product_photos",
                column: "product_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "product_photos");

            migrationBuilder.DropColumn(
                name: "photo_id",
                table: "exhibitor_products");

            migrationBuilder.AddColumn<string>(
                name: "photo_url",
                table: "exhibitor_products",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }
    }
}
