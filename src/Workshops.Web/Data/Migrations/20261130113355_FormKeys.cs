using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workshops.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FormKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FormKey",
                table: "Proposals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "FormKey",
                table: "FeedbackAnswers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_FormKey",
                table: "Proposals",
                column: "FormKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackAnswers_FormKey",
                table: "FeedbackAnswers",
                column: "FormKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_FormKey",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackAnswers_FormKey",
                table: "FeedbackAnswers");

            migrationBuilder.DropColumn(
                name: "FormKey",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "FormKey",
                table: "FeedbackAnswers");
        }
    }
}
