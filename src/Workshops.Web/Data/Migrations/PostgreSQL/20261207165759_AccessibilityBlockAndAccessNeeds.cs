using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class AccessibilityBlockAndAccessNeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Accessibility_Captions",
                table: "Workshops",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotYetKnown");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_FreeAssistant",
                table: "Workshops",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotYetKnown");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_InductionLoop",
                table: "Workshops",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotYetKnown");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_Notes_En",
                table: "Workshops",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_Notes_Fi",
                table: "Workshops",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_Notes_Sv",
                table: "Workshops",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_PlainLanguage",
                table: "Workshops",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotYetKnown");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_QuietSpace",
                table: "Workshops",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotYetKnown");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_SignLanguage",
                table: "Workshops",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotYetKnown");

            migrationBuilder.AddColumn<string>(
                name: "Accessibility_StepFreeAccess",
                table: "Workshops",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotYetKnown");

            migrationBuilder.AddColumn<int>(
                name: "AccessNeeds",
                table: "Registrations",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Accessibility_Captions",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_FreeAssistant",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_InductionLoop",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_Notes_En",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_Notes_Fi",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_Notes_Sv",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_PlainLanguage",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_QuietSpace",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_SignLanguage",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "Accessibility_StepFreeAccess",
                table: "Workshops");

            migrationBuilder.DropColumn(
                name: "AccessNeeds",
                table: "Registrations");
        }
    }
}
