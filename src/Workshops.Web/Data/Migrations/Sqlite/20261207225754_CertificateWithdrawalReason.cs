using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificateWithdrawalReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WithdrawnBecause",
                table: "Certificates",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawnBecause",
                table: "Certificates");
        }
    }
}
