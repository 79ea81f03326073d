using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxKeepsManageToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedManageToken",
                table: "OutgoingEmails",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedManageToken",
                table: "OutgoingEmails");
        }
    }
}
